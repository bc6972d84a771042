__castorIndex("t/str",["structur",2.148,"A_"]);
