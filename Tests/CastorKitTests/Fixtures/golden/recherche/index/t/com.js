__castorIndex("t/com",["commenc",3.056,"G_","communic",2.688,"B_","compt",2.644,"C_"]);
