__castorIndex("t/sit",["site",1.108,"A_"]);
