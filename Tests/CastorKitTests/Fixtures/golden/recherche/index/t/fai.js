__castorIndex("t/fai",["fait",4.09,"K_"]);
