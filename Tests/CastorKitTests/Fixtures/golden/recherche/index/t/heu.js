__castorIndex("t/heu",["heur",5.502,"D_Dh"]);
