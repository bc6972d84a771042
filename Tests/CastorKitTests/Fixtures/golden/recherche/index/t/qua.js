__castorIndex("t/qua",["quai",2.82,"E_"]);
