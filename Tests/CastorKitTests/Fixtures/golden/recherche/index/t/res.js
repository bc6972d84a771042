__castorIndex("t/res",["reseau",2.482,"H_","ressourc",3.557,"H_"]);
