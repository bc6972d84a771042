__castorIndex("t/17",["17",1.103,"A_"]);
