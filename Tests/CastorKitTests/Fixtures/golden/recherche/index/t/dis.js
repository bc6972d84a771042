__castorIndex("t/dis",["disponibl",2.314,"C_"]);
