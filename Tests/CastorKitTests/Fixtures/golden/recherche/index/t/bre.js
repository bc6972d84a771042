__castorIndex("t/bre",["bretagn",2.295,"D_C3"]);
