__castorIndex("t/vis",["visit",1.924,"F_"]);
