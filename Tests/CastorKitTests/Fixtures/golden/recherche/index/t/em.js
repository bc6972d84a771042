__castorIndex("t/em",["em",6.576,"B_"]);
