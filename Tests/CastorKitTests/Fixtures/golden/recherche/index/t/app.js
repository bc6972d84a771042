__castorIndex("t/app",["appel",2.174,"I_"]);
