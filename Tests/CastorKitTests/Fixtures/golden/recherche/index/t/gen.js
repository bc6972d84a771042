__castorIndex("t/gen",["general",6.803,"C_"]);
