__castorIndex("t/fr",["fr",1.108,"A_"]);
