__castorIndex("t/pro",["program",1.924,"E_","propo",6.066,"H_"]);
