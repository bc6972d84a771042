__castorIndex("t/pie",["pieg",1.103,"A_"]);
