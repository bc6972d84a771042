__castorIndex("t/ate",["ateli",5.898,"D_"]);
