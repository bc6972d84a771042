__castorIndex("t/peu",["peut",2.356,"A_"]);
