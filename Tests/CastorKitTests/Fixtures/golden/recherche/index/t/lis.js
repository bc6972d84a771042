__castorIndex("t/lis",["lisez",1.47,"B_"]);
