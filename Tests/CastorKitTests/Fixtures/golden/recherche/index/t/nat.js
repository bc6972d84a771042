__castorIndex("t/nat",["national",4.83,"ARFeC_"]);
