__castorIndex("t/gro",["group",6.563,"IZB_"]);
