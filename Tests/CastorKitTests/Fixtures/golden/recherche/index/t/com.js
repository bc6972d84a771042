__castorIndex("t/com",["communic",2.365,"B_","compt",2.314,"C_"]);
