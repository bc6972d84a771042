__castorIndex("t/ass",["assembl",5.898,"C_","associ",3.779,"A_"]);
