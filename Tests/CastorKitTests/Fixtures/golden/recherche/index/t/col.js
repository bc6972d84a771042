__castorIndex("t/col",["collectif",2.351,"A_","collectivit",1.103,"A_"]);
