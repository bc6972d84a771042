__castorIndex("t/jou",["jour",2.027,"B8F4B_","journ",2.89,"B_"]);
