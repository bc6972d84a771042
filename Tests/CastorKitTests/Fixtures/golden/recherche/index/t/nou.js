__castorIndex("t/nou",["nouvel",1.108,"A_"]);
