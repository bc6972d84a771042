__castorIndex("t/int",["interet",2.356,"A_"]);
