__castorIndex("f/region-national","oQA=");
