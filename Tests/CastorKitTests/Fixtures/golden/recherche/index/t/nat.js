__castorIndex("t/nat",["national",5.051,"ARE_"]);
