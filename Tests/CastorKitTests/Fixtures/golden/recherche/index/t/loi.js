__castorIndex("t/loi",["loi",1.108,"A_"]);
