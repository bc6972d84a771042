__castorIndex("t/agr",["agrement",1.108,"A_"]);
