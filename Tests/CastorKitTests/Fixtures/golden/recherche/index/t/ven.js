__castorIndex("t/ven",["venir",1.924,"E_"]);
