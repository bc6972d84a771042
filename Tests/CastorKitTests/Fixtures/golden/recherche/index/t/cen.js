__castorIndex("t/cen",["centr",3.557,"H_"]);
