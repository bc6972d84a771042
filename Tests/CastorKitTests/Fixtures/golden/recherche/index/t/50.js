__castorIndex("t/50",["50",1.108,"A_"]);
