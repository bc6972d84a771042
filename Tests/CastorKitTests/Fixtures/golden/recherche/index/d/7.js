__castorIndex("d/7",["À propos","a-propos","Qui fait ce centre de ressources. Le réseau.",""]);
