__castorIndex("t/app",["appel",1.924,"F_"]);
