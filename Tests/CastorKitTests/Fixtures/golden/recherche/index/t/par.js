__castorIndex("t/par",["particip",5.967,"G_"]);
