__castorIndex("t/nor",["nord",2.82,"E_"]);
