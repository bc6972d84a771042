__castorIndex("t/har",["harp",3.424,"D_"]);
