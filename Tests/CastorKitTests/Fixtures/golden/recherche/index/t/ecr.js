__castorIndex("t/ecr",["ecrir",2.179,"I_"]);
