__castorIndex("t/aff",["affich",2.858,"B_"]);
