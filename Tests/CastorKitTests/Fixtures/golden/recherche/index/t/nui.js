__castorIndex("t/nui",["nuit",2.301,"DxD_"]);
