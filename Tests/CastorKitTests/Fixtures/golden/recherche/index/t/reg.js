__castorIndex("t/reg",["regl",1.784,"A_"]);
