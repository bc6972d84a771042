__castorIndex("f/theme-communication","Ag==");
