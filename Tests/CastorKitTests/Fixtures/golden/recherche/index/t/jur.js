__castorIndex("t/jur",["juridiqu",2.489,"A_"]);
