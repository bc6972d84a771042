__castorIndex("t/qua",["quai",3.219,"H_"]);
