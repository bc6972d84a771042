__castorIndex("t/acc",["accueillir",1.47,"B_"]);
