__castorIndex("t/lyo",["lyon",3.219,"H_"]);
