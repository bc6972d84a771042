__castorIndex("t/org",["organis",2.89,"B_"]);
