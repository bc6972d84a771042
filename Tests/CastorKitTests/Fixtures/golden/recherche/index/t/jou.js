__castorIndex("t/jou",["jour",2.144,"B8D_","journ",2.545,"B_"]);
