__castorIndex("t/che",["cherch",8.337,"J_","cherchon",2.389,"J_"]);
