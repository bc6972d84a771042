__castorIndex("t/nor",["nord",3.219,"H_"]);
