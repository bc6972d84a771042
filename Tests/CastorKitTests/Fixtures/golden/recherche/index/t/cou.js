__castorIndex("t/cou",["courtil",2.848,"G_"]);
