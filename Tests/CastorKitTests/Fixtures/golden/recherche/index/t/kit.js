__castorIndex("t/kit",["kit",4.376,"AMB_"]);
