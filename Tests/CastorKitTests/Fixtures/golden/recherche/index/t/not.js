__castorIndex("t/not",["note",1.108,"A_"]);
