__castorIndex("d/2",["Assemblée générale 2025","ag-2025","Compte rendu disponible.","Mardi 8 avril 2025, 14 h"]);
