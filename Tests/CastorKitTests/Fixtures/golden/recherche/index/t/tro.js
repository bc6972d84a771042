__castorIndex("t/tro",["troi",3.422,"H_"]);
