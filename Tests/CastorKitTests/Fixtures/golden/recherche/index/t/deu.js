__castorIndex("t/deu",["deux",3.051,"G_"]);
