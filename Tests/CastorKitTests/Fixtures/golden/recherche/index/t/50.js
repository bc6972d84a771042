__castorIndex("t/50",["50",1.103,"A_"]);
