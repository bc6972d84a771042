__castorIndex("t/soc",["societ",2.073,"A_"]);
