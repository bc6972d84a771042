__castorIndex("t/soc",["societ",2.351,"A_"]);
