__castorIndex("t/heu",["heur",5.505,"D_Dh"]);
