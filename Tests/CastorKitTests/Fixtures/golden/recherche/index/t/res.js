__castorIndex("t/res",["reseau",2.741,"K_","ressourc",3.989,"K_"]);
