__castorIndex("t/tro",["troi",2.999,"E_"]);
