__castorIndex("t/via",["viabilis",2.174,"I_"]);
