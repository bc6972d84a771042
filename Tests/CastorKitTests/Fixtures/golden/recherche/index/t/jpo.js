__castorIndex("t/jpo",["jpo",4.38,"AMB_"]);
