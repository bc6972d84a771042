__castorIndex("t/kit",["kit",3.612,"AMB_"]);
