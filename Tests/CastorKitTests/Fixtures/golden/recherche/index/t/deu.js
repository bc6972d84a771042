__castorIndex("t/deu",["deux",3.056,"G_"]);
