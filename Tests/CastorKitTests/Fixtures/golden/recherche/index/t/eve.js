__castorIndex("t/eve",["even",1.146,"C8B4B8B_BuB0"]);
