__castorIndex("t/por",["port",7.83,"B_"]);
