__castorIndex("t/sar",["sarlat",2.848,"G_"]);
