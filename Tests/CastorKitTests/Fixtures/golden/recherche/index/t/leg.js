__castorIndex("t/leg",["legifranc",1.108,"A_"]);
