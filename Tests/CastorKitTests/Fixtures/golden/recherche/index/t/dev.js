__castorIndex("t/dev",["devient",1.108,"A_"]);
