__castorIndex("t/fau",["faut",2.644,"E_"]);
