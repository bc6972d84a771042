__castorIndex("t/ouv",["ouvert",7.83,"B_"]);
