__castorIndex("t/end",["enduit",3.056,"G_"]);
