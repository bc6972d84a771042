__castorIndex("t/dep",["depos",0.998,"A_"]);
