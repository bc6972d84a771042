__castorIndex("t/dim",["dimanch",3.051,"G_"]);
