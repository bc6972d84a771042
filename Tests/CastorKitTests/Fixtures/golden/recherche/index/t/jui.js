__castorIndex("t/jui",["juillet",1.103,"A_"]);
