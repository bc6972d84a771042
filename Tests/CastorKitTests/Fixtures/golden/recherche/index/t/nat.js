__castorIndex("t/nat",["national",4.827,"ARFeC_"]);
