__castorIndex("t/htt",["http",0.998,"A_"]);
