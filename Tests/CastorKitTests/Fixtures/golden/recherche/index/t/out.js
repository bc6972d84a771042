__castorIndex("t/out",["outil",2.365,"B_"]);
