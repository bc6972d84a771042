__castorIndex("t/htt",["http",1.103,"A_"]);
