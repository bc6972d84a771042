__castorIndex("t/ren",["rencontr",7.244,"E_","rendu",2.314,"C_","renn",5.508,"F_"]);
