__castorIndex("t/www",["www",0.998,"A_"]);
