__castorIndex("t/ass",["assembl",6.798,"C_","associ",4.312,"A_"]);
