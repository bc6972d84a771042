__castorIndex("t/mod",["model",2.186,"B_"]);
