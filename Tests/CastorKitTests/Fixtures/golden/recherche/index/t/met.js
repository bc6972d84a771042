__castorIndex("t/met",["metaplan",5.898,"D_"]);
