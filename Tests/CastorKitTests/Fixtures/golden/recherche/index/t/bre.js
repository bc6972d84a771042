__castorIndex("t/bre",["bretagn",1.735,"D7B_CxC3"]);
