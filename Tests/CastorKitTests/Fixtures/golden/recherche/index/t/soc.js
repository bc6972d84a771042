__castorIndex("t/soc",["societ",2.356,"A_"]);
