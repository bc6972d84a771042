__castorIndex("t/dep",["depos",1.103,"A_"]);
