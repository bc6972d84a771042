__castorIndex("t/fer",["ferm",3.424,"D_"]);
