__castorIndex("t/sit",["site",0.998,"A_"]);
