__castorIndex("t/fam",["famil",5.685,"G_"]);
