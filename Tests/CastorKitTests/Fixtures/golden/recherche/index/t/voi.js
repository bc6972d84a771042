__castorIndex("t/voi",["voir",1.108,"A_","voix",1.108,"A_"]);
