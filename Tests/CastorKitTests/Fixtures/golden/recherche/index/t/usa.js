__castorIndex("t/usa",["usag",1.103,"A_"]);
