__castorIndex("t/che",["cherch",8.333,"J_","cherchon",2.384,"J_"]);
