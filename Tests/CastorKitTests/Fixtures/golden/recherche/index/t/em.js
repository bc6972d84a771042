__castorIndex("t/em",["em",6.582,"B_"]);
