__castorIndex("t/cen",["centr",3.989,"K_"]);
