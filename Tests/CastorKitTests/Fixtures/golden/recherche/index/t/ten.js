__castorIndex("t/ten",["tenu",1.803,"G_"]);
