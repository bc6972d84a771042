__castorIndex("f/theme-gouvernance","AQ==");
