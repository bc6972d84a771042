__castorIndex("t/peu",["peut",2.073,"A_"]);
