__castorIndex("t/peu",["peut",2.351,"A_"]);
