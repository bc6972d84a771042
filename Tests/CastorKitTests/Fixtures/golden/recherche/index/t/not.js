__castorIndex("t/not",["note",0.998,"A_"]);
