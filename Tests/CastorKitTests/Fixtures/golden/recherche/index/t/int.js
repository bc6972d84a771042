__castorIndex("t/int",["interet",2.073,"A_"]);
