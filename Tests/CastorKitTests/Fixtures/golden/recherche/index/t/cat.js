__castorIndex("t/cat",["categori",1.103,"A_"]);
