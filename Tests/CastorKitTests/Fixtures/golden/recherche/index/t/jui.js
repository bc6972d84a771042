__castorIndex("t/jui",["juillet",0.998,"A_"]);
