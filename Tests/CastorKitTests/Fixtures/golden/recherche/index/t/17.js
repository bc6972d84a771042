__castorIndex("t/17",["17",1.108,"A_"]);
