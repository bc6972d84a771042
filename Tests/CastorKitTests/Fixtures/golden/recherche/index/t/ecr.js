__castorIndex("t/ecr",["ecrir",2.174,"I_"]);
