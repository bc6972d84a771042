__castorIndex("t/leg",["legifranc",0.998,"A_"]);
