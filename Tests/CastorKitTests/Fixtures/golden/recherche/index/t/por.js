__castorIndex("t/por",["port",7.824,"B_"]);
