__castorIndex("t/50",["50",0.998,"A_"]);
