__castorIndex("t/rep",["report",2.846,"F_"]);
