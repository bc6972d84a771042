__castorIndex("t/pie",["pieg",0.998,"A_"]);
