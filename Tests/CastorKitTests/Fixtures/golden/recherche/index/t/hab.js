__castorIndex("t/hab",["habitant",0.998,"A_"]);
