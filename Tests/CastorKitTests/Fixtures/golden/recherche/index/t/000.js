__castorIndex("t/000",["000",2.999,"F_"]);
