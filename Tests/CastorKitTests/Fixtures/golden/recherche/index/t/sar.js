__castorIndex("t/sar",["sarlat",2.843,"G_"]);
