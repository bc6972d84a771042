__castorIndex("t/gou",["gouv",0.998,"A_","gouvernanc",1.894,"A_"]);
