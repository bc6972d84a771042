__castorIndex("t/com",["commenc",3.051,"G_","communic",2.682,"B_","compt",2.64,"C_"]);
