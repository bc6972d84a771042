__castorIndex("t/ann",["annonc",2.586,"I7B_","annul",2.644,"E_"]);
