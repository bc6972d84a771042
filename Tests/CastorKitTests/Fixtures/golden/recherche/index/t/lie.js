__castorIndex("t/lie",["lien",0.998,"A_"]);
