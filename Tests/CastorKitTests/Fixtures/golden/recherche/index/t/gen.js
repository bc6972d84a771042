__castorIndex("t/gen",["general",6.798,"C_"]);
