__castorIndex("d/4",["Atelier Métaplan","atelier","Annulé faute de salle.","Samedi 5 décembre 2026, 9 h 30 – 17 h"]);
