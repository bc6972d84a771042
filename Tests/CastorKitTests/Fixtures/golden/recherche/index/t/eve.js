__castorIndex("t/eve",["even",1.692,"C_B_B3"]);
