__castorIndex("t/boi",["boit",2.365,"B_"]);
