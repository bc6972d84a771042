__castorIndex("t/kit",["kit",4.38,"AMB_"]);
