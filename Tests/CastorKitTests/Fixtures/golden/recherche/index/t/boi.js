__castorIndex("t/boi",["boit",2.682,"B_"]);
