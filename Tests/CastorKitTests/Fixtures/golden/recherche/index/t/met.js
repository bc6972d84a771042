__castorIndex("t/met",["metaplan",6.803,"E_"]);
