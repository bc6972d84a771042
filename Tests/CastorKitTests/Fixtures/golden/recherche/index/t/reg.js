__castorIndex("t/reg",["regl",1.593,"A_"]);
