__castorIndex("t/ann",["annonc",2.143,"F7B_","annul",2.314,"D_"]);
