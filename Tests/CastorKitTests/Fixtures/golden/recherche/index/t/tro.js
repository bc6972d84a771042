__castorIndex("t/tro",["troi",3.427,"H_"]);
