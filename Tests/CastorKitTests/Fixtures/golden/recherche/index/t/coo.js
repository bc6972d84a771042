__castorIndex("t/coo",["cooper",2.351,"A_"]);
