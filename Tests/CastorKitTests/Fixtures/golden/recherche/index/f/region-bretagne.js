__castorIndex("f/region-bretagne","WAE=");
