__castorIndex("t/pai",["pail",3.051,"G_"]);
