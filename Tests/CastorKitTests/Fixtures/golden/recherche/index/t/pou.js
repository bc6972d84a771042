__castorIndex("t/pou",["pourquoi",2.073,"A_"]);
