__castorIndex("t/lie",["lien",1.108,"A_"]);
