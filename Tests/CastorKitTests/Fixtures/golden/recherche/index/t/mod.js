__castorIndex("t/mod",["model",2.48,"B_"]);
