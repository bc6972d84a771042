__castorIndex("d/10",["À propos","a-propos","Qui fait ce centre de ressources. Le réseau.",""]);
