__castorIndex("t/acc",["accueillir",1.643,"B_"]);
