__castorIndex("d/9",["Famille cherche groupe","cherche-groupe","Nous cherchons un groupe près de Nantes.","Je cherche un groupe"]);
