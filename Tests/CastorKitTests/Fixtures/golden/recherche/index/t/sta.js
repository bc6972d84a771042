__castorIndex("t/sta",["statut",1.103,"A_"]);
