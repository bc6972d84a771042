__castorIndex("t/sal",["salari",0.998,"A_","sall",2.016,"D0B_"]);
