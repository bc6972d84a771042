__castorIndex("d/3",["Veillée du changement d'heure","veillee","Une nuit d'une heure de plus.","Du 24 octobre, 20 h, au 25 octobre 2026, 10 h"]);
