__castorIndex("t/pag",["page",3.781,"K_"]);
