__castorIndex("f/theme-gouvernance","AQA=");
