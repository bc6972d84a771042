__castorIndex("t/ven",["venir",2.179,"H_"]);
