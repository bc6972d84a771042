__castorIndex("f/theme-communication","AgA=");
