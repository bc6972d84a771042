__castorIndex("t/dis",["disponibl",2.644,"C_"]);
