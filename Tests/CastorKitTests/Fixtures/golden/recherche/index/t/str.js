__castorIndex("t/str",["structur",1.894,"A_"]);
