__castorIndex("t/out",["outil",2.682,"B_"]);
