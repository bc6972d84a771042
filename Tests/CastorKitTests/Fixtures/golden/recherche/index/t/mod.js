__castorIndex("t/mod",["model",2.474,"B_"]);
