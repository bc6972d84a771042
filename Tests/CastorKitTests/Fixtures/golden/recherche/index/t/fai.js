__castorIndex("t/fai",["fait",3.557,"H_"]);
