__castorIndex("t/vis",["visit",2.179,"I_"]);
