__castorIndex("t/cat",["categori",1.108,"A_"]);
