__castorIndex("t/pro",["program",2.174,"H_","propo",7.001,"K_"]);
