__castorIndex("t/anc",["ancien",0.998,"A_"]);
