__castorIndex("t/pou",["pourquoi",2.351,"A_"]);
