__castorIndex("t/cha",["chang",4.936,"D_Dd","chanti",6.745,"G_"]);
