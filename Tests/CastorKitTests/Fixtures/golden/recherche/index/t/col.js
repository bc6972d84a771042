__castorIndex("t/col",["collectif",2.073,"A_","collectivit",0.998,"A_"]);
