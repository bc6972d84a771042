__castorIndex("t/pro",["program",2.179,"H_","propo",6.9,"K_"]);
