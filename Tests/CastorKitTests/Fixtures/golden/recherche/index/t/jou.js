__castorIndex("t/jou",["jour",2.03,"B8F4B_","journ",2.896,"B_"]);
