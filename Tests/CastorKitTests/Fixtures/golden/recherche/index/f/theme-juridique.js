__castorIndex("f/theme-juridique","AQA=");
