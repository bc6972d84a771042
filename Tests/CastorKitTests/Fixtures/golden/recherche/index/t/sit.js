__castorIndex("t/sit",["site",1.103,"A_"]);
