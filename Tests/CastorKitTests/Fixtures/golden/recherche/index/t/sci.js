__castorIndex("t/sci",["scic",3.97,"A_BU"]);
