__castorIndex("t/pai",["pail",3.056,"G_"]);
