__castorIndex("t/pre",["pre",2.384,"J_","prepar",3.249,"B_"]);
