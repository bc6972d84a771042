__castorIndex("t/fau",["faut",2.64,"E_"]);
