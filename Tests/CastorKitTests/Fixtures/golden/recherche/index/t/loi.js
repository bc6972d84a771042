__castorIndex("t/loi",["loi",1.103,"A_"]);
