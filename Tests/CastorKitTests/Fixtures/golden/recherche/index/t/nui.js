__castorIndex("t/nui",["nuit",2.305,"DxD_"]);
