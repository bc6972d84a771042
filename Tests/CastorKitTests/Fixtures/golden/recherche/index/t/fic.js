__castorIndex("t/fic",["fich",1.643,"B_"]);
