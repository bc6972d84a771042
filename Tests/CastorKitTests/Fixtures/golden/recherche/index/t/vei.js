__castorIndex("t/vei",["veil",6.548,"D_"]);
