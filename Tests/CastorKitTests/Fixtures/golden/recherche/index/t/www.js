__castorIndex("t/www",["www",1.108,"A_"]);
