__castorIndex("t/agr",["agrement",0.998,"A_"]);
