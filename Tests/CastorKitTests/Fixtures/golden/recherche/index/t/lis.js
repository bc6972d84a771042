__castorIndex("t/lis",["lisez",1.648,"B_"]);
