__castorIndex("t/loi",["loi",0.998,"A_"]);
