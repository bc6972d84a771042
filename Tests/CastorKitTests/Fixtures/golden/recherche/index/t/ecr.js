__castorIndex("t/ecr",["ecrir",1.924,"F_"]);
