__castorIndex("f/region-national","EQ==");
