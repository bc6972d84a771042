__castorIndex("t/end",["enduit",3.051,"G_"]);
