__castorIndex("t/dev",["devient",1.103,"A_"]);
