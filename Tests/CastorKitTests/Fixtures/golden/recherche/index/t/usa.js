__castorIndex("t/usa",["usag",1.108,"A_"]);
