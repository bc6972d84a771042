__castorIndex("t/reg",["regl",1.778,"A_"]);
