__castorIndex("t/fam",["famil",6.548,"J_"]);
