__castorIndex("t/gou",["gouv",1.103,"A_","gouvernanc",2.143,"A_"]);
