__castorIndex("t/fam",["famil",6.543,"J_"]);
