__castorIndex("t/cou",["courtil",2.843,"G_"]);
