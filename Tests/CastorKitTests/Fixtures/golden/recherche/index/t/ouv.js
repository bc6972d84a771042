__castorIndex("t/ouv",["ouvert",7.824,"B_"]);
