__castorIndex("t/gou",["gouv",1.108,"A_","gouvernanc",2.148,"A_"]);
