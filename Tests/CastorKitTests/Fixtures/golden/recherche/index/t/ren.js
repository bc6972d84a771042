__castorIndex("t/ren",["rencontr",8.354,"H_","rendu",2.64,"C_","renn",4.777,"DiF_"]);
