__castorIndex("t/sta",["statut",1.108,"A_"]);
