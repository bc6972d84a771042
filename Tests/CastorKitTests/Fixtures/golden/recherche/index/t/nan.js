__castorIndex("t/nan",["nant",2.101,"G_"]);
