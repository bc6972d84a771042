__castorIndex("t/htt",["http",1.108,"A_"]);
