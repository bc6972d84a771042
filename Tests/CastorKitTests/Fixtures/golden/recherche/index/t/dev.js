__castorIndex("t/dev",["devient",0.998,"A_"]);
