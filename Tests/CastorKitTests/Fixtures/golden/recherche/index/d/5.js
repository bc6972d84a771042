__castorIndex("d/5",["Webinaire juridique","webinaire","Reporté.","Mardi 12 janvier 2027, 18 h 30"]);
