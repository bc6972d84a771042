__castorIndex("t/aff",["affich",3.255,"B_"]);
