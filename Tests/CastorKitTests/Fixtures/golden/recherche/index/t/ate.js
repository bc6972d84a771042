__castorIndex("t/ate",["ateli",6.798,"E_"]);
