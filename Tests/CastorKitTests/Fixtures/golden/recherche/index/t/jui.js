__castorIndex("t/jui",["juillet",1.108,"A_"]);
