__castorIndex("t/bre",["bretagn",1.737,"D7B_CxC3"]);
