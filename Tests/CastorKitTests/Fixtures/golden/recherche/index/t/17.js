__castorIndex("t/17",["17",0.998,"A_"]);
