__castorIndex("t/cat",["categori",0.998,"A_"]);
