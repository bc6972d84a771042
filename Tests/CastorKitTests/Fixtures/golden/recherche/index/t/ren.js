__castorIndex("t/ren",["rencontr",8.359,"H_","rendu",2.644,"C_","renn",4.781,"DiF_"]);
