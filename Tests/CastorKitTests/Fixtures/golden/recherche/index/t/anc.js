__castorIndex("t/anc",["ancien",1.103,"A_"]);
