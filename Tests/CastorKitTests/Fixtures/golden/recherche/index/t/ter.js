__castorIndex("t/ter",["terr",3.056,"G_","terrain",10.03,"I_"]);
