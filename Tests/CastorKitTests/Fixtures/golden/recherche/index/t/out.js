__castorIndex("t/out",["outil",2.688,"B_"]);
