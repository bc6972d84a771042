__castorIndex("t/www",["www",1.103,"A_"]);
