__castorIndex("t/dim",["dimanch",3.056,"G_"]);
