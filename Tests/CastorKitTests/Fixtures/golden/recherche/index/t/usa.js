__castorIndex("t/usa",["usag",0.998,"A_"]);
