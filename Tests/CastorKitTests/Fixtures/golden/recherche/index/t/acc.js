__castorIndex("t/acc",["accueillir",1.648,"B_"]);
