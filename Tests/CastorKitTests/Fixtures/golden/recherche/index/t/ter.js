__castorIndex("t/ter",["terrain",8.677,"F_"]);
