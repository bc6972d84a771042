__castorIndex("t/ann",["annonc",2.583,"I7B_","annul",2.64,"E_"]);
