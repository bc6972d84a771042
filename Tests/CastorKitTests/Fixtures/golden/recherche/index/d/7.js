__castorIndex("d/7",["Rencontres nationales","rencontres","Trois jours de rencontres. Programme à venir.","Du 11 au 13 juin 2027"]);
