__castorIndex("t/hab",["habitant",1.103,"A_"]);
