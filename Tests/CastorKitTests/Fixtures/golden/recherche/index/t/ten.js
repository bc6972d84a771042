__castorIndex("t/ten",["tenu",1.808,"G_"]);
