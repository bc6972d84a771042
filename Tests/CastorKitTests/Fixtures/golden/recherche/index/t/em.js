__castorIndex("t/em",["em",5.724,"B_"]);
