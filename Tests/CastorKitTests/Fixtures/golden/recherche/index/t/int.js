__castorIndex("t/int",["interet",2.351,"A_"]);
