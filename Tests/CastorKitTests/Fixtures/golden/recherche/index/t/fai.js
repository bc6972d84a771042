__castorIndex("t/fai",["fait",3.989,"K_"]);
