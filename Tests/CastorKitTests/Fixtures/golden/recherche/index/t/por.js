__castorIndex("t/por",["port",6.799,"B_"]);
