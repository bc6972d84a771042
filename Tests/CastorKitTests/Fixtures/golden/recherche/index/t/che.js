__castorIndex("t/che",["cherch",7.221,"G_","cherchon",2.101,"G_"]);
