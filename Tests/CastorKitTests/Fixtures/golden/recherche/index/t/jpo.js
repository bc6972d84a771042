__castorIndex("t/jpo",["jpo",3.612,"AMB_"]);
