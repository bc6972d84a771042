__castorIndex("t/pre",["pre",2.389,"J_","prepar",3.255,"B_"]);
