__castorIndex("t/coo",["cooper",2.356,"A_"]);
