__castorIndex("t/fau",["faut",2.314,"D_"]);
