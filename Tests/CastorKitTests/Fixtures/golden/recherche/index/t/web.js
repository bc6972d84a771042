__castorIndex("t/web",["webinair",7.005,"F_"]);
