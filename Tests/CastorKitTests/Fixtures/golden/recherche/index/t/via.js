__castorIndex("t/via",["viabilis",1.924,"F_"]);
