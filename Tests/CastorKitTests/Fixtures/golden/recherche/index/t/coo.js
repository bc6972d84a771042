__castorIndex("t/coo",["cooper",2.073,"A_"]);
