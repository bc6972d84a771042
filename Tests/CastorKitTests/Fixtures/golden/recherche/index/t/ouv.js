__castorIndex("t/ouv",["ouvert",6.799,"B_"]);
