__castorIndex("t/har",["harp",3.429,"D_"]);
