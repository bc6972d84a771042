__castorIndex("t/fic",["fich",1.648,"B_"]);
