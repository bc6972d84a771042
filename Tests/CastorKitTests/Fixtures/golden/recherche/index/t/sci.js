__castorIndex("t/sci",["scic",3.973,"A_BU"]);
