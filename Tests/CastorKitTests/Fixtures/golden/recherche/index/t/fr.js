__castorIndex("t/fr",["fr",1.103,"A_"]);
