__castorIndex("t/str",["structur",2.143,"A_"]);
