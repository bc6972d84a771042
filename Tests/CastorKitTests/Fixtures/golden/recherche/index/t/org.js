__castorIndex("t/org",["organis",2.896,"B_"]);
