__castorIndex("t/jur",["juridiqu",5.284,"AZF_"]);
