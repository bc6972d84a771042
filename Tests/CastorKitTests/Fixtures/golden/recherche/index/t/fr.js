__castorIndex("t/fr",["fr",0.998,"A_"]);
