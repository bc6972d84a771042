__castorIndex("t/res",["reseau",2.843,"K_","ressourc",4.09,"K_"]);
