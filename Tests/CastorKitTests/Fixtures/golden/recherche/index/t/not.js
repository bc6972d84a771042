__castorIndex("t/not",["note",1.103,"A_"]);
