__castorIndex("t/rep",["report",2.843,"F_"]);
