__castorIndex("t/qua",["quai",3.214,"H_"]);
