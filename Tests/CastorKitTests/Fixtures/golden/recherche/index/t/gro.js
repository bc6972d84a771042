__castorIndex("t/gro",["group",5.383,"FZB_"]);
