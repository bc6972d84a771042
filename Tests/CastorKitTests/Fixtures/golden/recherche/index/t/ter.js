__castorIndex("t/ter",["terr",3.051,"G_","terrain",10.03,"I_"]);
