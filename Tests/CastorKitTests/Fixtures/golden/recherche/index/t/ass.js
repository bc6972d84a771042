__castorIndex("t/ass",["assembl",6.803,"C_","associ",4.319,"A_"]);
