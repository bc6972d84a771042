__castorIndex("t/agr",["agrement",1.103,"A_"]);
