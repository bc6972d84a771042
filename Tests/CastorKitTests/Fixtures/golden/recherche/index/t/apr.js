__castorIndex("t/apr",["apre",3.051,"G_"]);
