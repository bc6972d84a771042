__castorIndex("t/leg",["legifranc",1.103,"A_"]);
