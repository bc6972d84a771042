__castorIndex("f/region-bretagne","KA==");
