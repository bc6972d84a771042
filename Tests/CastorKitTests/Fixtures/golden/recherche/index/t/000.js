__castorIndex("t/000",["000",3.427,"I_"]);
