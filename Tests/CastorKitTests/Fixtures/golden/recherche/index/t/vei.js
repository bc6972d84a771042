__castorIndex("t/vei",["veil",6.543,"D_"]);
