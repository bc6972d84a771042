__castorIndex("t/via",["viabilis",2.179,"I_"]);
