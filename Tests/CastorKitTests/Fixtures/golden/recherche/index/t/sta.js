__castorIndex("t/sta",["statut",0.998,"A_"]);
