__castorIndex("t/voi",["voir",0.998,"A_","voix",0.998,"A_"]);
