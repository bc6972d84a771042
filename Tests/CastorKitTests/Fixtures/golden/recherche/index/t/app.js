__castorIndex("t/app",["appel",2.179,"I_"]);
