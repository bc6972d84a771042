__castorIndex("t/nor",["nord",3.214,"H_"]);
