__castorIndex("t/met",["metaplan",6.798,"E_"]);
