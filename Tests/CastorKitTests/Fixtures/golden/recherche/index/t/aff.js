__castorIndex("t/aff",["affich",3.249,"B_"]);
