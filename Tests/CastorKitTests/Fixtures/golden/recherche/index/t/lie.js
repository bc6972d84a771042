__castorIndex("t/lie",["lien",1.103,"A_"]);
