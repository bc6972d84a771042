__castorIndex("t/pou",["pourquoi",2.356,"A_"]);
