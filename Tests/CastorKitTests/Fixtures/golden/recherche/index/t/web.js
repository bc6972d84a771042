__castorIndex("t/web",["webinair",7.001,"F_"]);
