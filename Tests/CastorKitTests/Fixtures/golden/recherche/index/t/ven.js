__castorIndex("t/ven",["venir",2.174,"H_"]);
