__castorIndex("t/lyo",["lyon",3.214,"H_"]);
