__castorIndex("t/fic",["fich",1.47,"B_"]);
