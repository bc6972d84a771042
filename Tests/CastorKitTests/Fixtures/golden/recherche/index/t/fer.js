__castorIndex("t/fer",["ferm",3.429,"D_"]);
