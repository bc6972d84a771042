__castorIndex("t/sal",["salari",1.108,"A_","sall",2.428,"E0D_"]);
