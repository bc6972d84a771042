__castorIndex("f/theme-juridique","AQ==");
