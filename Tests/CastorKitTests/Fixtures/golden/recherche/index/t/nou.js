__castorIndex("t/nou",["nouvel",0.998,"A_"]);
