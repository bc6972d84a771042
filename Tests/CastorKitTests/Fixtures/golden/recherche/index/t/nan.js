__castorIndex("t/nan",["nant",2.384,"J_"]);
