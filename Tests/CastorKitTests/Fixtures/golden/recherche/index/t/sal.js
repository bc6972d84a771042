__castorIndex("t/sal",["salari",1.103,"A_","sall",2.424,"E0D_"]);
