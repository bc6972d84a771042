__castorIndex("t/jpo",["jpo",4.376,"AMB_"]);
