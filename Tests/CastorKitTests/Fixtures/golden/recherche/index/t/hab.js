__castorIndex("t/hab",["habitant",1.108,"A_"]);
