__castorIndex("t/lyo",["lyon",2.82,"E_"]);
