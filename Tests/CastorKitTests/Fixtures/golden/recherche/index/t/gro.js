__castorIndex("t/gro",["group",6.566,"IZB_"]);
