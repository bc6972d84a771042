__castorIndex("t/000",["000",3.422,"I_"]);
