__castorIndex("t/par",["particip",5.962,"G_"]);
