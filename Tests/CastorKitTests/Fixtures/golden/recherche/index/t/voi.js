__castorIndex("t/voi",["voir",1.103,"A_","voix",1.103,"A_"]);
