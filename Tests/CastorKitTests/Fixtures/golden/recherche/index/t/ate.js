__castorIndex("t/ate",["ateli",6.803,"E_"]);
