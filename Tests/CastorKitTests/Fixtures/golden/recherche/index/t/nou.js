__castorIndex("t/nou",["nouvel",1.103,"A_"]);
