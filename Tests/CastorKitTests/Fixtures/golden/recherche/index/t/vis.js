__castorIndex("t/vis",["visit",2.174,"I_"]);
