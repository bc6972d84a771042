__castorIndex("t/sci",["scic",3.275,"A_BU"]);
