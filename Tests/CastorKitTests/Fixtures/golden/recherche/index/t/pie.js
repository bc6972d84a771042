__castorIndex("t/pie",["pieg",1.108,"A_"]);
