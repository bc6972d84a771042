__castorIndex("t/pre",["pre",2.101,"G_","prepar",2.858,"B_"]);
