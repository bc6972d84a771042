__castorIndex("t/jur",["juridiqu",5.282,"AZF_"]);
