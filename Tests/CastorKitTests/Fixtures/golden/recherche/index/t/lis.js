__castorIndex("t/lis",["lisez",1.643,"B_"]);
