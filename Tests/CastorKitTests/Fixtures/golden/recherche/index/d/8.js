__castorIndex("d/8",["Terrain à Rennes","terrain-rennes","Un terrain de 2 000 m² pour un groupe. Terrain viabilisé. Pour visiter, écrire à ou appeler le","Terrain"]);
