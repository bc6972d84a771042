__castorIndex("t/col",["collectif",2.356,"A_","collectivit",1.108,"A_"]);
