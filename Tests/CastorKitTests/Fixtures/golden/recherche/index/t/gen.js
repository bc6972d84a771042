__castorIndex("t/gen",["general",5.898,"C_"]);
