__castorIndex("t/anc",["ancien",1.108,"A_"]);
