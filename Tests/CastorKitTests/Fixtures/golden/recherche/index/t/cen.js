__castorIndex("t/cen",["centr",4.09,"K_"]);
