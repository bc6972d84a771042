__castorIndex("t/nan",["nant",2.389,"J_"]);
