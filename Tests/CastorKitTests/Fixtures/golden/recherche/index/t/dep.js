__castorIndex("t/dep",["depos",1.108,"A_"]);
