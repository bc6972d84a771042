__castorIndex("t/boi",["boit",2.688,"B_"]);
