__castorIndex("t/cha",["chang",4.939,"D_Dd","chanti",6.751,"G_"]);
