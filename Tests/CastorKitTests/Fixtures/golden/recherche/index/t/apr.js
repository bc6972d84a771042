__castorIndex("t/apr",["apre",3.056,"G_"]);
