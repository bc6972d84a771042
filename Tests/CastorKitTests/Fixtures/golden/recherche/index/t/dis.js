__castorIndex("t/dis",["disponibl",2.64,"C_"]);
