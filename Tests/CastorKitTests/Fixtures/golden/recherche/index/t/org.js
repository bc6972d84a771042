__castorIndex("t/org",["organis",2.545,"B_"]);
