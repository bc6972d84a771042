#!/usr/bin/env python3
"""Génère un corpus de test pour le banc d'essai de Castor (et son équivalent Hugo).

    generate_corpus.py OUTDIR --fiches N [--seed S]

Écrit OUTDIR/content (dossier de contenu Castor, cf. docs/SPEC-internal.md) et
OUTDIR/hugo (site Hugo équivalent : hugo.toml, content/, layouts/, static/).

Sortie déterministe : mêmes octets pour les mêmes N et S (random.Random(S), aucun
accès à l'heure, aucun parcours d'ensemble). Bibliothèque standard uniquement.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pathlib
import random
import re
import sys
import unicodedata

# Date de référence du banc d'essai (`castor build --now 2026-11-23`) : les annonces
# expirées avant cette date sont exclues du site Hugo via `_build`.
NOW = dt.date(2026, 11, 23)

SITE_TITLE = "Centre de ressources de l'habitat participatif"
SITE_DESCRIPTION = ("Fiches pratiques, agenda et petites annonces pour les groupes "
                    "d'habitat participatif : montage juridique, financement, foncier, "
                    "gouvernance et vie collective.")
BASE_URL = "https://ressources.habitat-participatif.example/"

FICHE_TYPES = [
    ("structures-juridiques", "Structures juridiques"),
    ("boite-a-outils", "Boîte à outils"),
    ("trames-types", "Trames types"),
]
FICHE_TYPE_WEIGHTS = [30, 45, 25]

THEMES = [
    ("gouvernance", "Gouvernance partagée"),
    ("financement", "Financement"),
    ("foncier", "Foncier et urbanisme"),
    ("montage-juridique", "Montage juridique"),
    ("conception", "Architecture et conception"),
    ("chantier", "Chantier et autoconstruction"),
    ("ecologie", "Écologie et sobriété"),
    ("vie-collective", "Vie collective"),
]

REGIONS = [
    ("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes", ["Lyon", "Grenoble", "Clermont-Ferrand", "Annecy", "Valence"]),
    ("bourgogne-franche-comte", "Bourgogne-Franche-Comté", ["Dijon", "Besançon", "Mâcon", "Auxerre"]),
    ("bretagne", "Bretagne", ["Rennes", "Brest", "Lorient", "Quimper", "Saint-Brieuc"]),
    ("centre-val-de-loire", "Centre-Val de Loire", ["Tours", "Orléans", "Bourges", "Blois"]),
    ("corse", "Corse", ["Ajaccio", "Bastia", "Corte"]),
    ("grand-est", "Grand Est", ["Strasbourg", "Nancy", "Metz", "Reims", "Mulhouse"]),
    ("hauts-de-france", "Hauts-de-France", ["Lille", "Amiens", "Roubaix", "Arras"]),
    ("ile-de-france", "Île-de-France", ["Paris", "Montreuil", "Saint-Denis", "Ivry-sur-Seine", "Cergy"]),
    ("normandie", "Normandie", ["Rouen", "Caen", "Le Havre", "Cherbourg"]),
    ("nouvelle-aquitaine", "Nouvelle-Aquitaine", ["Bordeaux", "Poitiers", "Limoges", "La Rochelle", "Pau"]),
    ("occitanie", "Occitanie", ["Toulouse", "Montpellier", "Nîmes", "Perpignan", "Albi"]),
    ("pays-de-la-loire", "Pays de la Loire", ["Nantes", "Angers", "Le Mans", "Saint-Nazaire"]),
    ("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur", ["Marseille", "Nice", "Avignon", "Aix-en-Provence"]),
    ("outre-mer", "Outre-mer", ["Saint-Denis de La Réunion", "Fort-de-France", "Pointe-à-Pitre", "Cayenne"]),
]

AD_CATEGORIES = [
    ("recherche-habitants", "Recherche d'habitants"),
    ("logement-disponible", "Logement disponible"),
    ("terrain-batiment", "Terrain ou bâtiment"),
    ("recherche-groupe", "Recherche de groupe"),
    ("materiaux-chantier", "Matériaux et chantier"),
    ("services-accompagnement", "Services et accompagnement"),
]

STATIC_PAGES = ["a-propos", "mentions-legales", "contribuer"]

# --------------------------------------------------------------------------------------
# Vocabulaire
# --------------------------------------------------------------------------------------

FICHE_TOPICS = {
    "structures-juridiques": [
        "La coopérative d'habitants",
        "La société d'habitat participatif (SAPP)",
        "La société civile immobilière d'attribution",
        "La société coopérative d'intérêt collectif (SCIC)",
        "La société par actions simplifiée à capital variable",
        "L'association loi 1901 support du projet",
        "Le bail réel solidaire",
        "L'organisme de foncier solidaire",
        "La copropriété et ses règles de fonctionnement",
        "La société d'autopromotion",
        "La location-accession coopérative",
        "Le démembrement de propriété et l'usufruit locatif",
        "Le partenariat avec un bailleur social",
        "La société civile coopérative de construction",
        "Le fonds de dotation pour l'habitat",
    ],
    "boite-a-outils": [
        "La prise de décision par consentement",
        "Animer une réunion de groupe projet",
        "Construire le plan de financement",
        "Rédiger la charte du collectif",
        "Chercher un terrain constructible",
        "Dialoguer avec la collectivité",
        "Choisir et travailler avec l'architecte",
        "Organiser un chantier participatif",
        "Accueillir de nouveaux foyers",
        "Gérer les conflits au sein du groupe",
        "Calculer les parts sociales et les redevances",
        "Monter un dossier de prêt collectif",
        "Mutualiser les espaces partagés",
        "Concevoir un habitat sobre en énergie",
        "Tenir la comptabilité du collectif",
        "Préparer la phase d'emménagement",
        "Répartir les rôles et les mandats",
        "Évaluer l'avancement du projet",
    ],
    "trames-types": [
        "Trame de statuts de coopérative d'habitants",
        "Modèle de règlement intérieur",
        "Modèle de charte de vie collective",
        "Trame de convention d'occupation des espaces communs",
        "Modèle de compte rendu d'assemblée générale",
        "Trame de budget prévisionnel",
        "Modèle de lettre d'intention à la mairie",
        "Trame de convention d'accompagnement",
        "Modèle de contrat de réservation",
        "Trame de pacte d'associés",
        "Modèle de tableau de suivi du chantier",
        "Trame de procès-verbal de décision par consentement",
    ],
}

TITLE_ANGLES = [
    "", "", "", "",
    " : mode d'emploi",
    " : les étapes clés",
    " : points de vigilance",
    " : retours d'expérience",
    " : questions fréquentes",
    " : ce qu'il faut savoir",
    " en milieu rural",
    " en zone urbaine dense",
    " pour les petits collectifs",
    " pour un projet intergénérationnel",
    " avec un bailleur social",
    " : version 2025",
    " : l'essentiel en une page",
    " : exemples commentés",
]

SUMMARY_TEMPLATES = [
    "Cette fiche présente {sujet} et aide le groupe à {objectif}.",
    "Comprendre {sujet} pour {objectif}, avec des exemples tirés de projets existants.",
    "Repères pratiques sur {sujet} : ce qu'il faut préparer pour {objectif}.",
    "Un outil pour {objectif}, à adapter à la taille et à l'histoire de votre collectif.",
    "Les notions essentielles sur {sujet}, les pièges à éviter et les ressources utiles.",
    "Comment {objectif} sans perdre de vue le projet de vie du groupe.",
]

SUMMARY_SUBJECTS = [
    "le montage juridique", "la gouvernance partagée", "le financement collectif",
    "la recherche foncière", "le chantier participatif", "les espaces partagés",
    "la relation avec la collectivité", "le statut coopératif", "la conception du bâtiment",
    "la vie quotidienne du collectif", "l'accueil de nouveaux habitants",
]

SUMMARY_GOALS = [
    "sécuriser les engagements de chacun", "préparer le rendez-vous avec la banque",
    "choisir la structure la plus adaptée", "prendre des décisions en confiance",
    "tenir le calendrier du projet", "maîtriser le coût global de l'opération",
    "négocier avec la commune", "répartir équitablement les charges",
    "garder un projet non spéculatif", "faire vivre les espaces communs",
]

FIRST_NAMES = [
    "Claire", "Mathieu", "Sophie", "Nicolas", "Camille", "Julien", "Élodie", "Thomas",
    "Amélie", "Antoine", "Hélène", "Baptiste", "Lucie", "Guillaume", "Maëlle", "François",
    "Inès", "Yannick", "Margaux", "Rémi", "Aurélie", "Karim", "Nadia", "Pierre-Yves",
]
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Roux",
    "Fournier", "Morel", "Le Gall", "Garnier", "Chevalier", "Perrin", "Benali", "Guérin",
    "Faure", "Rousseau", "Blanc", "Kerbrat", "Mercier", "Bonnet", "Lambert", "Nguyen",
]
ORG_AUTHORS = [
    "Équipe du centre de ressources", "Coordination nationale des associations",
    "Collectif Habitat groupé de l'Ouest", "Groupe de travail juridique",
]

SECTION_TITLES = [
    "Contexte et enjeux", "De quoi parle-t-on ?", "Les étapes clés", "Points de vigilance",
    "Le rôle de l'accompagnement", "Retours d'expérience", "Aspects financiers",
    "Aspects juridiques", "Gouvernance et prise de décision", "Calendrier indicatif",
    "Les acteurs à mobiliser", "Questions fréquentes", "Avantages et limites",
    "Mise en pratique", "Adapter l'outil à son groupe", "Après l'emménagement",
    "Le lien avec la collectivité", "Quelques chiffres", "Ce que dit la loi",
    "Pour aller plus loin",
]

SUBSECTION_TITLES = [
    "Avant de commencer", "Pendant la phase de conception", "Pendant le chantier",
    "Du côté des habitants", "Du côté des partenaires", "Cas particulier des locataires",
    "Les documents à réunir", "Un exemple concret", "Ce qu'il faut éviter",
    "Le rôle du notaire", "Le rôle de la banque", "Les délais à prévoir",
    "Les coûts à anticiper", "La place des enfants", "En cas de départ d'un foyer",
]

# Phrases complètes, par famille de thème.
SENTENCES = {
    "gouvernance": [
        "La prise de décision par consentement permet d'avancer sans attendre l'unanimité, tant qu'aucune objection raisonnable n'est formulée.",
        "Chaque cercle dispose d'un mandat clair, limité dans le temps, et rend compte de ses décisions à l'assemblée des habitants.",
        "Le groupe gagne à distinguer les décisions stratégiques, prises en plénière, des décisions courantes, déléguées aux commissions.",
        "Une facilitation tournante évite que la parole ne se concentre toujours sur les mêmes personnes.",
        "Il est utile de consigner chaque décision dans un registre partagé, accessible à tous les foyers.",
        "Les nouveaux arrivants doivent pouvoir comprendre rapidement comment les décisions ont été prises et par qui.",
        "Le principe « une personne, une voix » s'applique quelle que soit la part de capital détenue.",
        "Prévoir dès le départ une procédure de gestion des conflits évite bien des tensions au moment du chantier.",
        "L'élection sans candidat est une méthode simple pour attribuer les rôles de manière transparente.",
        "Une réunion bien préparée commence par un ordre du jour envoyé au moins une semaine à l'avance.",
        "Le tour de météo intérieure, en début de séance, aide chacun à exprimer son état d'esprit.",
        "Les groupes les plus solides consacrent du temps à la relation, et pas seulement aux tâches.",
    ],
    "financement": [
        "Le plan de financement combine en général l'apport des foyers, un prêt collectif et, parfois, des aides publiques.",
        "La banque examine la solidité du groupe autant que la qualité du montage financier.",
        "Les parts sociales sont souscrites par chaque foyer et restent la propriété de la coopérative.",
        "La redevance mensuelle couvre le remboursement de l'emprunt, les charges et une provision pour travaux.",
        "Une caisse de solidarité peut soutenir temporairement un foyer qui traverse une période difficile.",
        "Il faut anticiper les frais de portage foncier entre l'achat du terrain et le début des travaux.",
        "Le prêt social location-accession peut être mobilisé lorsque le projet associe un organisme agréé.",
        "Les collectivités accordent parfois une subvention pour financer les études de faisabilité.",
        "Un tableau de trésorerie mis à jour chaque mois permet de repérer tôt les tensions financières.",
        "La garantie d'emprunt apportée par une commune rassure fortement les établissements bancaires.",
        "Le coût global inclut les honoraires, les assurances, les taxes et les frais de notaire.",
        "La clause anti-spéculative encadre le prix de revente des parts afin de préserver l'accessibilité du logement.",
    ],
    "foncier": [
        "La recherche foncière est souvent l'étape la plus longue, et elle demande patience et persévérance.",
        "Le plan local d'urbanisme détermine ce qu'il est possible de construire sur une parcelle donnée.",
        "Une rencontre précoce avec le service urbanisme de la commune permet de lever de nombreuses incertitudes.",
        "L'appel à projets lancé par une collectivité peut réserver un lot à un groupe d'habitat participatif.",
        "Le bail emphytéotique dissocie la propriété du sol de celle du bâti, ce qui réduit le coût d'entrée.",
        "La réhabilitation d'un bâtiment existant limite l'artificialisation des sols.",
        "Une promesse de vente assortie de conditions suspensives protège le groupe pendant le montage du dossier.",
        "L'établissement public foncier peut acquérir un terrain et le rétrocéder au collectif le moment venu.",
        "Il faut vérifier les servitudes, la pollution éventuelle du sol et l'accès aux réseaux.",
        "Les friches agricoles ou industrielles offrent parfois des opportunités à des prix raisonnables.",
    ],
    "montage-juridique": [
        "La loi ALUR a créé deux statuts spécifiques : la coopérative d'habitants et la société d'attribution et d'autopromotion.",
        "Les statuts précisent l'objet social, les modalités d'entrée et de sortie des associés et la répartition des pouvoirs.",
        "Le choix de la structure juridique dépend du rapport souhaité à la propriété et à la revente.",
        "Une association de préfiguration permet au groupe d'exister juridiquement dès les premières réunions.",
        "Le règlement intérieur complète les statuts sur les questions de vie quotidienne.",
        "Le notaire joue un rôle central lors de l'acquisition du terrain et de la constitution de la société.",
        "La garantie financière d'achèvement est obligatoire pour certaines sociétés d'habitat participatif.",
        "En cas de retrait d'un associé, les statuts doivent prévoir les conditions de remboursement des parts.",
        "La responsabilité des associés est limitée à leurs apports dans la plupart des formes de société.",
        "Un pacte d'associés peut préciser des engagements que les statuts ne couvrent pas.",
    ],
    "conception": [
        "La programmation collective consiste à lister les besoins de chaque foyer et les espaces à partager.",
        "L'architecte traduit les envies du groupe en plans, puis en choix techniques chiffrés.",
        "Une salle commune, une buanderie partagée et une chambre d'amis réduisent la surface privative nécessaire.",
        "Les ateliers de conception gagnent à s'appuyer sur des maquettes et des visites d'autres réalisations.",
        "L'accessibilité des logements et des espaces communs doit être pensée dès l'esquisse.",
        "La compacité du bâtiment réduit à la fois le coût de construction et les besoins de chauffage.",
        "Le choix des matériaux biosourcés, comme la paille ou le bois, s'anticipe auprès des assureurs.",
        "Chaque modification tardive du programme a un coût, qu'il faut rendre visible au groupe.",
    ],
    "chantier": [
        "Le chantier participatif permet de réduire les coûts, à condition d'être encadré par des professionnels.",
        "L'assurance dommages-ouvrage reste obligatoire, même lorsque les habitants réalisent une partie des travaux.",
        "Un planning partagé indique qui intervient, quand, et sur quelles tâches.",
        "Les journées de chantier ouvertes au public font connaître le projet dans le quartier.",
        "La sécurité sur le chantier passe par un accueil systématique des bénévoles et des équipements adaptés.",
        "Les finitions intérieures se prêtent bien à l'autoconstruction accompagnée.",
        "Il est prudent de prévoir une marge d'au moins dix pour cent pour les imprévus de chantier.",
        "La réception des travaux marque le transfert de la garde de l'ouvrage au maître d'ouvrage.",
    ],
    "ecologie": [
        "La sobriété commence par une réflexion sur les surfaces réellement nécessaires à chaque foyer.",
        "La mutualisation des équipements réduit l'empreinte écologique et les dépenses de chacun.",
        "Un jardin partagé favorise la biodiversité et les liens entre voisins.",
        "La récupération des eaux de pluie alimente l'arrosage et les sanitaires communs.",
        "L'autopartage de quelques véhicules remplace avantageusement une voiture par foyer.",
        "Une chaufferie collective au bois peut desservir l'ensemble des logements.",
        "Le suivi des consommations, affiché dans la salle commune, encourage les économies d'énergie.",
        "Le compostage collectif réduit sensiblement le volume des ordures ménagères.",
    ],
    "vie-collective": [
        "Les repas partagés rythment la vie du collectif et facilitent l'intégration des nouveaux habitants.",
        "Une charte de vie collective rappelle les valeurs du groupe et les engagements de chacun.",
        "Le temps consacré aux tâches communes doit rester compatible avec la vie professionnelle et familiale.",
        "Les espaces partagés peuvent être ouverts aux associations du quartier.",
        "La mixité sociale et générationnelle se prépare dès la constitution du groupe.",
        "Un habitat participatif n'est pas une communauté : chaque foyer conserve son logement privatif.",
        "L'accueil d'un nouveau foyer passe par plusieurs rencontres avant toute décision.",
        "Les enfants du collectif trouvent dans les espaces communs un terrain de jeu et d'apprentissage.",
        "Un bilan annuel permet de réajuster l'organisation des tâches et des espaces partagés.",
    ],
}

GENERIC_SENTENCES = [
    "Chaque projet est singulier, et les solutions présentées ici doivent être adaptées au contexte local.",
    "Les réseaux régionaux d'habitat participatif proposent des permanences gratuites pour les groupes en constitution.",
    "Il est recommandé de faire appel à un accompagnateur professionnel dès la phase de faisabilité.",
    "Le temps de maturation d'un projet varie généralement entre trois et sept ans.",
    "Les visites de projets déjà habités sont une source d'inspiration irremplaçable.",
    "Un calendrier réaliste tient compte des délais administratifs, souvent sous-estimés.",
    "La communication avec les riverains, dès le dépôt du permis de construire, limite les recours.",
    "Les documents produits par le groupe gagnent à être archivés dans un espace partagé et ordonné.",
    "Les premières années d'occupation sont aussi une période d'apprentissage collectif.",
    "La confiance entre les membres du groupe se construit dans la durée, au fil des décisions prises ensemble.",
]

SUBJECTS = [
    "Le groupe projet", "Le collectif d'habitants", "La coopérative", "L'assemblée générale",
    "Le ou la référente du groupe", "Le comité de pilotage", "La structure d'accompagnement",
    "La collectivité partenaire", "Le bailleur social", "Le cercle finances",
    "La commission conception", "Le conseil d'administration",
]
PREDICATES = [
    "doit valider le budget prévisionnel avant le dépôt du permis de construire",
    "tient à jour la liste des engagements pris auprès des partenaires",
    "organise au moins une rencontre par trimestre avec les futurs habitants",
    "veille à ce que les décisions importantes soient prises en connaissance de cause",
    "prépare les documents nécessaires à l'ouverture du compte bancaire collectif",
    "présente chaque année un bilan financier compréhensible par tous",
    "peut solliciter l'avis d'un juriste spécialisé en droit coopératif",
    "définit les critères d'attribution des logements en toute transparence",
    "s'assure que les charges communes sont réparties selon une clé connue de tous",
    "aide chaque foyer à constituer son dossier de prêt",
    "négocie avec la commune les conditions de cession du terrain",
    "anime les ateliers de programmation avec l'équipe de maîtrise d'œuvre",
    "rédige un compte rendu diffusé à tous les foyers sous huit jours",
    "vérifie que le calendrier reste compatible avec les contraintes de chacun",
    "fait le point sur l'avancement du chantier lors de chaque plénière",
    "relit les statuts avec l'appui d'un notaire avant leur adoption",
    "consulte les voisins avant toute modification importante du projet",
    "propose des temps de formation ouverts à tous les habitants",
    "garde une trace écrite des arbitrages budgétaires",
    "mobilise les réseaux locaux pour faire connaître le projet",
    "prévoit un temps d'accueil pour chaque nouvel arrivant",
    "s'appuie sur des outils numériques simples et partagés",
]
CONNECTORS = ["En pratique, ", "Par ailleurs, ", "Dans la plupart des cas, ", "De plus, ",
              "Concrètement, ", "À ce stade, ", "Pour autant, ", "Le plus souvent, "]

STRIKE_TEMPLATES = [
    "Le montant minimal de la part sociale est passé de ~~{a} €~~ à {b} € lors de la dernière assemblée générale.",
    "Le délai de préavis pour quitter la coopérative est désormais de ~~{m} mois~~ {n} mois.",
    "La réunion mensuelle se tient ~~le premier lundi~~ le deuxième jeudi de chaque mois.",
    "Le dossier doit être déposé ~~avant le 31 mars~~ avant le 30 avril, selon le nouveau calendrier de la collectivité.",
    "Le taux du prêt collectif, ~~initialement de {t1} %~~ renégocié à {t2} %, reste fixe sur toute la durée.",
]

FOOTNOTES = [
    "Loi n° 2014-366 du 24 mars 2014 pour l'accès au logement et un urbanisme rénové, dite loi ALUR.",
    "Articles L. 201-1 et suivants du Code de la construction et de l'habitation.",
    "Décret n° 2015-1433 du 5 novembre 2015 relatif à la garantie financière d'achèvement.",
    "Chiffres issus de l'enquête nationale menée auprès des groupes en 2024.",
    "Voir le guide publié par le réseau national des acteurs de l'habitat participatif.",
    "Cette méthode est inspirée de la sociocratie, développée aux Pays-Bas dans les années 1970.",
    "Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération.",
]

LIST_ITEMS = [
    "identifier les besoins et les moyens de chaque foyer",
    "rédiger une charte de valeurs partagées",
    "constituer une association de préfiguration",
    "rencontrer les élus et le service urbanisme",
    "réaliser une étude de faisabilité",
    "choisir une équipe de maîtrise d'œuvre",
    "établir un budget prévisionnel détaillé",
    "solliciter plusieurs banques",
    "signer la promesse de vente",
    "déposer le permis de construire",
    "lancer la consultation des entreprises",
    "organiser les journées de chantier participatif",
    "préparer l'emménagement et la première assemblée",
    "mettre en place les commissions thématiques",
    "tenir un registre des décisions",
    "prévoir une caisse de solidarité",
    "fixer les règles d'usage des espaces communs",
    "définir la procédure d'entrée d'un nouveau foyer",
    "anticiper le départ d'un associé",
    "souscrire les assurances obligatoires",
]

QUOTES = [
    ("Nous avons mis quatre ans à trouver le terrain, mais ces années nous ont soudés.", "une habitante d'un habitat groupé près de {ville}"),
    ("Le consentement a changé notre manière de nous écouter.", "un membre d'une coopérative d'habitants à {ville}"),
    ("La salle commune est devenue le cœur du quartier.", "un habitant installé à {ville} depuis 2019"),
    ("Sans l'accompagnement, nous aurions abandonné au moment du permis.", "une coopératrice de {ville}"),
    ("Le chantier participatif, c'est beaucoup de fatigue et encore plus de fierté.", "un autoconstructeur de {ville}"),
]

TABLES = [
    ("Étapes et durées indicatives",
     ["Étape", "Durée indicative", "Qui ?"],
     [["Constitution du groupe", "6 à 18 mois", "Futurs habitants"],
      ["Recherche foncière", "1 à 3 ans", "Groupe et collectivité"],
      ["Conception", "8 à 12 mois", "Architecte et groupe"],
      ["Permis de construire", "3 à 6 mois", "Commune"],
      ["Financement", "4 à 8 mois", "Banque et cercle finances"],
      ["Chantier", "12 à 24 mois", "Entreprises et habitants"],
      ["Emménagement", "1 à 3 mois", "Tous les foyers"]]),
    ("Comparaison des structures",
     ["Structure", "Propriété", "Revente", "Gouvernance"],
     [["Coopérative d'habitants", "Collective", "Parts au nominal", "Une personne, une voix"],
      ["SCI d'attribution", "Individuelle à terme", "Libre", "Au prorata des parts"],
      ["Copropriété", "Individuelle", "Libre", "Tantièmes"],
      ["Bail réel solidaire", "Bâti seul", "Prix encadré", "Selon l'organisme"],
      ["SCIC", "Collective", "Encadrée", "Collèges d'associés"]]),
    ("Budget type",
     ["Poste", "Montant (€)", "Part du budget"],
     None),
    ("Répartition des rôles",
     ["Rôle", "Mandat", "Durée"],
     [["Facilitation", "Préparer et animer les réunions", "6 mois"],
      ["Trésorerie", "Suivre les comptes et la redevance", "1 an"],
      ["Secrétariat", "Rédiger les comptes rendus", "6 mois"],
      ["Lien avec la commune", "Représenter le groupe", "1 an"],
      ["Accueil", "Accompagner les nouveaux foyers", "1 an"]]),
]
BUDGET_LINES = ["Acquisition du terrain", "Travaux de construction", "Honoraires de maîtrise d'œuvre",
                "Frais de notaire", "Assurances", "Études techniques", "Accompagnement", "Imprévus"]

EVENT_TITLES = [
    "Rencontre régionale de l'habitat participatif",
    "Atelier : financer son projet en coopérative",
    "Journée portes ouvertes d'un habitat groupé",
    "Formation à la prise de décision par consentement",
    "Visite de chantier participatif",
    "Webinaire : le bail réel solidaire expliqué",
    "Café-rencontre habitat participatif",
    "Assemblée générale du réseau régional",
    "Atelier : trouver du foncier pour son groupe",
    "Soirée projection-débat sur l'habitat coopératif",
    "Journée d'étude : habitat participatif et vieillissement",
    "Formation : animer une réunion de groupe projet",
]
EVENT_PLACES = ["Maison des associations", "Salle polyvalente", "Tiers-lieu La Fabrique",
                "Médiathèque municipale", "Salle commune de l'habitat groupé Les Grands Chênes",
                "Maison de quartier", "Hôtel de Région"]
STREETS = ["rue de la République", "avenue Jean-Jaurès", "rue des Tilleuls", "place de la Mairie",
           "boulevard Victor-Hugo", "rue du Moulin", "chemin des Vignes", "rue Pasteur"]

AD_TITLES = {
    "recherche-habitants": ["Collectif cherche deux foyers pour compléter le groupe",
                            "Habitat groupé en construction : il reste un logement",
                            "Projet intergénérationnel cherche familles avec enfants"],
    "logement-disponible": ["T3 disponible dans une coopérative d'habitants",
                            "Studio à louer dans un habitat participatif",
                            "Maison mitoyenne à céder dans un écohameau"],
    "terrain-batiment": ["Terrain de 2 500 m² pour projet collectif",
                         "Ancienne ferme à rénover, idéale pour un groupe",
                         "Commune propose un lot réservé à l'habitat participatif"],
    "recherche-groupe": ["Couple de retraités cherche groupe en constitution",
                         "Famille cherche projet d'habitat groupé",
                         "Personne seule souhaite rejoindre une coopérative"],
    "materiaux-chantier": ["Don de bottes de paille pour isolation",
                           "Matériel d'échafaudage à prêter",
                           "Tuiles anciennes à récupérer"],
    "services-accompagnement": ["Architecte propose accompagnement de groupe",
                                "Facilitatrice en gouvernance partagée disponible",
                                "Juriste bénévole pour relecture de statuts"],
}

PAGES = {
    "a-propos": ("À propos", "Qui sommes-nous et à quoi sert ce centre de ressources."),
    "mentions-legales": ("Mentions légales", "Éditeur, hébergement et données personnelles."),
    "contribuer": ("Contribuer", "Proposer une fiche, signaler une erreur ou publier une annonce."),
}

# --------------------------------------------------------------------------------------


def slugify(text: str, max_words: int = 6) -> str:
    text = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "oe"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", text)
    stop = {"la", "le", "les", "l", "de", "du", "des", "d", "et", "a", "un", "une", "en", "pour", "avec", "son", "sa"}
    kept = [w for w in words if w not in stop] or words
    return "-".join(kept[:max_words])


def q(value: str) -> str:
    """Chaîne YAML entre guillemets doubles (JSON est un sous-ensemble de YAML)."""
    return json.dumps(value, ensure_ascii=False)


def rand_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def front_matter(lines: list[str]) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n"


def word_count(text: str) -> int:
    """Mots de la prose (« l'habitat » compte pour un ; cibles de liens ignorées)."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text))


class Fiche:
    __slots__ = ("num", "type", "slug", "title", "summary", "themes", "regions", "updated", "authors")


class BodyWriter:
    """Produit un corps de fiche en Markdown."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def emphasize(self, sentence: str) -> str:
        rng = self.rng
        if rng.random() < 0.7:
            return sentence
        words = [m for m in re.finditer(r"(?<![\w'’])[a-zàâçéèêëîïôûùüÿœ]{8,}(?![\w'’])", sentence)]
        if not words:
            return sentence
        m = rng.choice(words)
        mark = "**" if rng.random() < 0.4 else "*"
        return sentence[:m.start()] + mark + m.group(0) + mark + sentence[m.end():]

    def composed(self, used: set[str]) -> str:
        rng = self.rng
        preds = [x for x in PREDICATES if "P:" + x not in used] or PREDICATES
        pred = rng.choice(preds)
        used.add("P:" + pred)
        s = rng.choice(SUBJECTS) + " " + pred + "."
        if rng.random() < 0.4:
            s = rng.choice(CONNECTORS) + s[0].lower() + s[1:]
        return s

    def sentence(self, themes: list[str], used: set[str]) -> str:
        """Une phrase, de préférence sur les thèmes de la fiche, sans répétition dans la fiche."""
        rng = self.rng
        r = rng.random()
        if r < 0.5:
            first = [themes[0]]
        elif r < 0.65:
            first = [rng.choice(themes)]
        elif r < 0.8:
            first = [rng.choice(THEME_KEYS)]
        elif r < 0.87:
            first = ["*"]
        else:
            return self.emphasize(self.composed(used))
        for key in first + themes + ["*"] + THEME_KEYS:
            pool = GENERIC_SENTENCES if key == "*" else SENTENCES[key]
            cands = [x for x in pool if x not in used]
            if cands:
                s = rng.choice(cands)
                used.add(s)
                return self.emphasize(s)
        return self.emphasize(self.composed(used))

    def paragraph(self, themes: list[str], used: set[str], n: int | None = None) -> str:
        n = n or self.rng.randint(2, 5)
        return " ".join(self.sentence(themes, used) for _ in range(n))

    def bullet_list(self) -> str:
        rng = self.rng
        items = rng.sample(LIST_ITEMS, rng.randint(3, 7))
        if rng.random() < 0.4:
            lines = [f"{i}. {it[0].upper()}{it[1:]} ;" for i, it in enumerate(items, 1)]
            lines[-1] = lines[-1][:-2] + "."
            return "\n".join(lines)
        lines = [f"- {it[0].upper()}{it[1:]} ;" for it in items]
        if rng.random() < 0.25:
            sub = rng.sample(LIST_ITEMS, 2)
            lines.insert(1, f"  - {sub[0]} ;")
            lines.insert(2, f"  - {sub[1]} ;")
        lines[-1] = lines[-1][:-2] + "."
        return "\n".join(lines)

    def table(self) -> str:
        rng = self.rng
        caption, head, rows = rng.choice(TABLES)
        if rows is None:
            lines = rng.sample(BUDGET_LINES, rng.randint(4, 7))
            amounts = [rng.randint(8, 900) * 1000 for _ in lines]
            total = sum(amounts)
            rows = [[name, f"{a:,}".replace(",", " "), f"{100 * a / total:.1f} %".replace(".", ",")]
                    for name, a in zip(lines, amounts)]
            rows.append(["**Total**", "**" + f"{total:,}".replace(",", " ") + "**", "100 %"])
        else:
            rows = rows[: rng.randint(3, len(rows))]
        out = [f"*{caption}* :", "", "| " + " | ".join(head) + " |",
               "|" + "|".join(["---"] + [":---:" if i == len(head) - 1 else "---" for i in range(1, len(head))]) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)

    def quote(self) -> str:
        text, who = self.rng.choice(QUOTES)
        city = self.rng.choice(self.rng.choice(REGIONS)[2])
        return f"> « {text} »\n>\n> — {who.format(ville=city)}"

    def strike(self) -> str:
        rng = self.rng
        a = rng.choice([100, 150, 200, 250])
        return rng.choice(STRIKE_TEMPLATES).format(
            a=a, b=a + 50, m=rng.choice([6, 4]), n=3, t1="3,2", t2="2,9")


def link_sentence(rng: random.Random, target: Fiche, href: str) -> str:
    text = target.title
    return rng.choice([
        f"Voir aussi la fiche [{text}]({href}).",
        f"Ce point est détaillé dans [{text}]({href}).",
        f"On pourra s'appuyer sur [{text}]({href}) pour préparer cette étape.",
        f"Pour les aspects pratiques, consultez [{text}]({href}).",
        f"La fiche [{text}]({href}) propose une approche complémentaire.",
    ])


def make_body(rng: random.Random, bw: BodyWriter, fiche: Fiche, links: list[tuple[Fiche, str]]) -> str:
    theme = fiche.themes
    used: set[str] = set()
    target = rng.randint(400, 800)
    want_table = rng.random() < 0.34
    want_strike = rng.random() < 0.25
    want_footnote = rng.random() < 0.3
    want_quote = rng.random() < 0.3

    blocks: list[str] = [bw.paragraph(theme, used, rng.randint(2, 4))]
    sections = rng.sample(SECTION_TITLES, min(len(SECTION_TITLES), 8))
    subsections = rng.sample(SUBSECTION_TITLES, 6)
    link_sentences = [link_sentence(rng, t, h) for t, h in links]
    extras: list[str] = []
    if want_table:
        extras.append("table")
    if want_quote:
        extras.append("quote")
    extras.append("list")
    if rng.random() < 0.5:
        extras.append("list")
    rng.shuffle(extras)

    footnote_text = rng.choice(FOOTNOTES) if want_footnote else None
    footnote_placed = False
    si = 0
    while si < 3 or (word_count("\n".join(blocks)) < target and si < len(sections)):
        blocks.append("## " + sections[si])
        si += 1
        paras = [bw.paragraph(theme, used) for _ in range(rng.randint(1, 2))]
        if link_sentences and rng.random() < 0.6:
            p = rng.randrange(len(paras))
            paras[p] += " " + link_sentences.pop()
        if want_strike:
            paras[-1] += " " + bw.strike()
            want_strike = False
        if footnote_text and not footnote_placed and si >= 2:
            paras[0] = paras[0][:-1] + "[^1]" + paras[0][-1]
            footnote_placed = True
        blocks.extend(paras)
        if extras and rng.random() < 0.6:
            kind = extras.pop()
            blocks.append(bw.table() if kind == "table" else bw.quote() if kind == "quote" else bw.bullet_list())
        if subsections and rng.random() < 0.35:
            blocks.append("### " + subsections.pop())
            blocks.append(bw.paragraph(theme, used))
    # Ce qui n'a pas encore trouvé sa place.
    for kind in extras:
        if kind == "table":
            blocks.append(bw.table())
    if link_sentences:
        blocks.append("## Fiches liées" if "Pour aller plus loin" not in sections[:si] else "### Voir aussi")
        blocks.append("\n".join("- " + s for s in link_sentences))
    if rng.random() < 0.15:
        blocks.append("Ressource nationale : https://www.habitatparticipatif-france.fr/")
    if footnote_placed:
        blocks.append("[^1]: " + footnote_text)
    return "\n\n".join(blocks) + "\n"


THEME_KEYS = [k for k, _ in THEMES]
REGION_KEYS = [k for k, _, _ in REGIONS]


# The list of the partners' directory, which the project's collections.yml declares.
PARTNER_TYPES = [("notaire", "Notaire"), ("amo", "Assistance à maîtrise d'ouvrage (AMO)"),
                 ("architecte", "Architecte"), ("financeur", "Banque et financeur"),
                 ("bailleur-social", "Bailleur social"), ("juriste", "Juriste")]


def gen_site_yml() -> str:
    out = [f"title: {q(SITE_TITLE)}", f"description: {q(SITE_DESCRIPTION)}",
           f"base_url: {q(BASE_URL)}", "language: fr", "timezone: Europe/Paris"]
    for key, items in (("fiche_types", FICHE_TYPES), ("themes", THEMES),
                       ("regions", [(k, l) for k, l, _ in REGIONS]), ("ad_categories", AD_CATEGORIES),
                       ("partner_types", PARTNER_TYPES)):
        out.append(f"{key}:")
        out += [f"  {k}: {q(l)}" for k, l in items]
    return "\n".join(out) + "\n" + repo_vocabularies({"fiche_types", "themes", "regions", "ad_categories", "partner_types"})


# Top-level keys of the project's site.yml that are not vocabularies, or name pages the corpus lacks.
SITE_YML_NOT_COPIED = {"title", "description", "base_url", "language", "timezone", "footer_pages", "home",
                       "editor", "ad_default_lifetime_days"}


def repo_vocabularies(generated: set[str]) -> str:
    """The other lists of the project's site.yml, copied as they are: the project's collections.yml
    (copied into the corpus) names them, and Castor refuses declarations naming a missing list."""
    text = (pathlib.Path(__file__).resolve().parent.parent / "content" / "site.yml").read_text(encoding="utf-8")
    blocks: list[str] = []
    keep = False
    for line in text.splitlines():
        top = re.match(r"([A-Za-z_][A-Za-z0-9_]*):", line)
        if top:
            keep = top.group(1) not in generated and top.group(1) not in SITE_YML_NOT_COPIED
        if keep and line.strip() and not line.lstrip().startswith("#"):
            blocks.append(line)
    return "\n".join(blocks) + "\n" if blocks else ""


def yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Génère un corpus Castor + Hugo déterministe.")
    ap.add_argument("outdir")
    ap.add_argument("--fiches", type=int, required=True, metavar="N")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if args.fiches < 3:
        ap.error("--fiches doit valoir au moins 3")
    for sub in ("content", "hugo"):
        p = os.path.join(args.outdir, sub)
        if os.path.exists(p) and os.listdir(p):
            print(f"generate_corpus: {p} existe déjà et n'est pas vide", file=sys.stderr)
            return 2

    rng = random.Random(args.seed)
    n = args.fiches
    content = os.path.join(args.outdir, "content")
    hugo = os.path.join(args.outdir, "hugo")
    hcontent = os.path.join(hugo, "content")

    write(os.path.join(content, "site.yml"), gen_site_yml())
    # The collections of the project (Castor reads no content without them).
    repo_collections = pathlib.Path(__file__).resolve().parent.parent / "content" / "collections.yml"
    write(os.path.join(content, "collections.yml"), repo_collections.read_text(encoding="utf-8"))

    # -- Fiches : métadonnées d'abord (les liens internes visent des fiches existantes).
    fiches: list[Fiche] = []
    type_keys = [k for k, _ in FICHE_TYPES]
    for i in range(1, n + 1):
        f = Fiche()
        f.num = i
        f.type = rng.choices(type_keys, FICHE_TYPE_WEIGHTS)[0]
        topic = rng.choice(FICHE_TOPICS[f.type])
        f.title = topic + rng.choice(TITLE_ANGLES)
        f.slug = f"fiche-{i:05d}-" + slugify(topic, 4)
        f.summary = rng.choice(SUMMARY_TEMPLATES).format(
            sujet=rng.choice(SUMMARY_SUBJECTS), objectif=rng.choice(SUMMARY_GOALS))
        f.themes = rng.sample(THEME_KEYS, rng.choice([1, 1, 2, 2, 2, 3]))
        f.regions = rng.sample(REGION_KEYS, rng.choice([1, 1, 1, 2]))
        f.updated = rand_date(rng, dt.date(2019, 1, 1), dt.date(2026, 11, 20))
        if rng.random() < 0.15:
            f.authors = [rng.choice(ORG_AUTHORS)]
        else:
            f.authors = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.randint(1, 3))]
        fiches.append(f)

    bw = BodyWriter(rng)
    for f in fiches:
        targets: list[Fiche] = []
        while len(targets) < min(rng.randint(2, 4), n - 1):
            t = fiches[rng.randrange(n)]
            if t is not f and t not in targets:
                targets.append(t)
        links = []
        for t in targets:
            if t.type == f.type and rng.random() < 0.5:
                href = f"{t.slug}.md"
            else:
                href = f"../{t.type}/{t.slug}.md"
            links.append((t, href))
        body = make_body(rng, bw, f, links)
        fm = [f"title: {q(f.title)}", f"summary: {q(f.summary)}",
              f"themes: {yaml_list(f.themes)}", f"regions: {yaml_list(f.regions)}",
              f"updated: {f.updated.isoformat()}", "authors:"] + [f"  - {q(a)}" for a in f.authors]
        rel = os.path.join("fiches", f.type, f.slug + ".md")
        write(os.path.join(content, rel), front_matter(fm) + "\n" + body)
        hfm = fm + [f"date: {f.updated.isoformat()}"]
        write(os.path.join(hcontent, rel), front_matter(hfm) + "\n" + body)

    # -- Agenda
    n_events = max(1, n // 10)
    for i in range(1, n_events + 1):
        title = rng.choice(EVENT_TITLES)
        rkey, rlabel, cities = rng.choice(REGIONS)
        city = rng.choice(cities)
        day = rand_date(rng, dt.date(2025, 1, 1), dt.date(2028, 12, 31))
        slug = f"{day.isoformat()}-{slugify(title, 5)}-{i:04d}"
        kind = rng.random()
        if kind < 0.45:  # horaire
            h = rng.choice([9, 10, 14, 18, 19])
            m = rng.choice([0, 30])
            start = f"{day.isoformat()}T{h:02d}:{m:02d}"
            hdate = start + ":00"
            end = f"{day.isoformat()}T{min(h + rng.randint(2, 4), 23):02d}:{m:02d}" if rng.random() < 0.7 else None
        elif kind < 0.8:  # journée entière
            start, hdate, end = day.isoformat(), day.isoformat(), None
        else:  # plusieurs jours
            start, hdate = day.isoformat(), day.isoformat()
            end = (day + dt.timedelta(days=rng.randint(1, 3))).isoformat()
        fm = [f"title: {q(title + ' à ' + city)}", f"start: {start}"]
        if end:
            fm.append(f"end: {end}")
        fm.append(f"location: {q(rng.choice(EVENT_PLACES) + ', ' + str(rng.randint(1, 120)) + ' ' + rng.choice(STREETS) + ', ' + city)}")
        fm.append(f"region: {rkey}")
        fm.append(f"summary: {q(rng.choice(GENERIC_SENTENCES))}")
        if rng.random() < 0.25:
            fm.append(f"online: {q('https://visio.example.org/' + slug)}")
        if rng.random() < 0.5:
            fm.append(f"registration: {q('https://inscriptions.example.org/' + slug)}")
        st = rng.random()
        if st < 0.07:
            fm.append("status: cancelled")
        elif st < 0.12:
            fm.append("status: postponed")
        used: set[str] = set()
        theme = [rng.choice(THEME_KEYS)]
        body = [bw.paragraph(theme, used, rng.randint(2, 4))]
        if rng.random() < 0.6:
            body.append("## Programme")
            hours = ["9 h 30", "10 h 30", "11 h 15", "14 h", "15 h 30", "17 h"]
            picked = sorted(rng.sample(range(len(hours)), 3))
            body.append("\n".join(f"- **{hours[h]}** : {rng.choice(LIST_ITEMS)}" for h in picked))
        body.append(bw.paragraph(theme, used, rng.randint(1, 3)))
        body_text = "\n\n".join(body) + "\n"
        rel = os.path.join("agenda", slug + ".md")
        write(os.path.join(content, rel), front_matter(fm) + "\n" + body_text)
        write(os.path.join(hcontent, rel), front_matter(fm + [f"regions: [{rkey}]", f"date: {hdate}"]) + "\n" + body_text)

    # -- Annonces
    n_ads = max(1, n // 10)
    for i in range(1, n_ads + 1):
        cat = rng.choice([k for k, _ in AD_CATEGORIES])
        title = rng.choice(AD_TITLES[cat])
        rkey, rlabel, cities = rng.choice(REGIONS)
        city = rng.choice(cities)
        published = rand_date(rng, dt.date(2025, 3, 1), NOW)
        slug = f"{slugify(title, 5)}-{i:04d}"
        fm = [f"title: {q(title + ' (' + city + ')')}", f"category: {cat}", f"region: {rkey}",
              f"published: {published.isoformat()}"]
        expires = None
        if rng.random() < 0.85:
            expires = published + dt.timedelta(days=rng.randint(60, 900))
            fm.append(f"expires: {expires.isoformat()}")
        c = rng.random()
        contact = (f"contact-{i:04d}@habitat-groupe.example.org" if c < 0.5 else
                   f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}" if c < 0.8 else
                   f"https://annonces.example.org/{slug}")
        fm.append(f"contact: {q(contact)}")
        if cat in ("logement-disponible", "terrain-batiment") and rng.random() < 0.7:
            fm.append(f"price: {rng.randint(30, 450) * 1000 if rng.random() < 0.7 else rng.randint(400, 1200)}")
        fm.append(f"summary: {q(rng.choice(SUBJECTS) + ' ' + rng.choice(PREDICATES) + '.')}")
        used = set()
        theme = [rng.choice(THEME_KEYS)]
        body = [bw.paragraph(theme, used, rng.randint(2, 4))]
        if rng.random() < 0.5:
            body.append(bw.bullet_list())
        body.append(bw.paragraph(theme, used, rng.randint(1, 2)))
        body_text = "\n\n".join(body) + "\n"
        rel = os.path.join("annonces", slug + ".md")
        write(os.path.join(content, rel), front_matter(fm) + "\n" + body_text)
        hfm = fm + [f"date: {published.isoformat()}"]
        if expires is not None and expires < NOW:
            # Non publiée (comme Castor avec --now) ; Hugo 0.111 garderait dans les
            # taxonomies une page `list: never`, d'où l'absence de `regions` ici.
            hfm += ["_build:", "  list: never", "  render: never"]
        else:
            hfm.append(f"regions: [{rkey}]")
        write(os.path.join(hcontent, rel), front_matter(hfm) + "\n" + body_text)

    # -- Pages statiques (à la racine du site Hugo : mêmes URL que Castor)
    for slug in STATIC_PAGES:
        title, summary = PAGES[slug]
        used = set()
        body = []
        for h in rng.sample(SECTION_TITLES, 3):
            body.append("## " + h)
            body.append(bw.paragraph(["vie-collective"], used, 3))
        body_text = "\n\n".join(body) + "\n"
        fm = [f"title: {q(title)}", f"summary: {q(summary)}"]
        write(os.path.join(content, "pages", slug + ".md"), front_matter(fm) + "\n" + body_text)
        write(os.path.join(hcontent, slug + ".md"), front_matter(fm) + "\n" + body_text)

    write_hugo_skeleton(hugo)
    return 0


# --------------------------------------------------------------------------------------
# Site Hugo équivalent
# --------------------------------------------------------------------------------------

HUGO_TOML = """\
baseURL = "{base_url}"
languageCode = "fr"
defaultContentLanguage = "fr"
title = {title}
timeZone = "Europe/Paris"
disableKinds = []
paginate = 30
relativeURLs = true
enableRobotsTXT = true
# Les événements à venir ont une date future : Hugo les ignorerait sinon.
buildFuture = true

[params]
  description = {description}
  # Même date de référence que `castor build --now`.
  now = "{now}"

[taxonomies]
  theme = "themes"
  region = "regions"

# Castor ne produit qu'un flux (fiches) : pas de RSS pour chaque rubrique et terme.
[outputs]
  home = ["HTML"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
  page = ["HTML"]

[services.rss]
  limit = 50

[markup.goldmark.renderer]
  unsafe = false

[markup.goldmark.extensions]
  table = true
  strikethrough = true
  linkify = true
  taskList = true
  footnote = true

[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
  ordered = false

[related]
  includeNewer = true
  threshold = 80
  toLower = false

  [[related.indices]]
    name = "themes"
    weight = 100
"""

BASEOF = """\
<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} · {{ .Site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
{{ with site.GetPage "/fiches" }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="Fiches" href="{{ .RelPermalink }}">{{ end }}{{ end }}
</head>
<body>
<header class="site-header">
  <a class="site-title" href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
  <nav aria-label="Navigation principale">
    <ul>
    {{ $sec := .Section }}{{ $home := .IsHome }}
    {{ range slice (slice "Accueil" "/" "") (slice "Fiches" "/fiches/" "fiches") (slice "Agenda" "/agenda/" "agenda") (slice "Annonces" "/annonces/" "annonces") (slice "Thèmes" "/themes/" "themes") (slice "Régions" "/regions/" "regions") }}
      {{ $cur := or (and $home (eq (index . 2) "")) (and (not $home) (ne (index . 2) "") (eq $sec (index . 2))) }}
      <li><a href="{{ index . 1 | relURL }}"{{ if $cur }} aria-current="page"{{ end }}>{{ index . 0 }}</a></li>
    {{ end }}
    </ul>
  </nav>
</header>
{{ if and (not .IsHome) (gt (len .Ancestors) 1) }}
<nav class="breadcrumbs" aria-label="Fil d'Ariane"><ol>
  {{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
  <li aria-current="page">{{ .LinkTitle }}</li>
</ol></nav>
{{ end }}
<main id="contenu">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <p>{{ .Site.Params.description }}</p>
  <ul>
    <li><a href="{{ "/a-propos/" | relURL }}">À propos</a></li>
    <li><a href="{{ "/mentions-legales/" | relURL }}">Mentions légales</a></li>
    <li><a href="{{ "/contribuer/" | relURL }}">Contribuer</a></li>
  </ul>
</footer>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<article class="{{ .Section }}">
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ if eq .Section "fiches" }}
  <p class="meta">{{ with .Parent }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> · {{ end }}Mise à jour le <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>
  {{ with .Params.authors }}<p class="authors">Rédaction : {{ delimit . ", " }}</p>{{ end }}
  {{ with .GetTerms "themes" }}<ul class="tags" aria-label="Thèmes">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
  {{ with .GetTerms "regions" }}<ul class="tags" aria-label="Régions">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
  <aside class="toc"><h2>Sommaire</h2>{{ .TableOfContents }}</aside>
  <div class="content">{{ .Content }}</div>
  {{ with .Site.RegularPages.Related . | first 5 }}
  <section class="related"><h2>Fiches liées</h2><ul class="cards">{{ range . }}{{ partial "card.html" . }}{{ end }}</ul></section>
  {{ end }}
{{ else if eq .Section "agenda" }}
  {{ $timed := gt (len (string .Params.start)) 10 }}
  <p class="meta"><time datetime="{{ .Params.start }}">{{ .Date | time.Format ":date_long" }}{{ if $timed }}, {{ .Date.Format "15:04" }}{{ end }}</time>
  {{ with .Params.end }}{{ $e := string . }}{{ if gt (len $e) 10 }}{{ $e = printf "%s:00" $e }}{{ end }}{{ $et := time $e }} – <time datetime="{{ . }}">{{ $et | time.Format ":date_long" }}{{ if gt (len $e) 10 }}, {{ $et.Format "15:04" }}{{ end }}</time>{{ end }}</p>
  {{ with .Params.status }}{{ if eq . "cancelled" }}<p class="status">Annulé</p>{{ else if eq . "postponed" }}<p class="status">Reporté</p>{{ end }}{{ end }}
  {{ with .Params.location }}<p>Lieu : {{ . }}</p>{{ end }}
  {{ with .GetTerms "regions" }}<p>Région : {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>{{ end }}
  {{ with .Params.online }}<p><a href="{{ . }}">Participer en ligne</a></p>{{ end }}
  {{ with .Params.registration }}<p><a href="{{ . }}">S'inscrire</a></p>{{ end }}
  <div class="content">{{ .Content }}</div>
{{ else if eq .Section "annonces" }}
  {{ $cat := .Params.category }}
  <p class="meta">{{ index site.Data.labels.ad_categories $cat | default $cat }} · Publiée le <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time>
  {{ with .Params.expires }}{{ $x := time . }} · Expire le <time datetime="{{ $x.Format "2006-01-02" }}">{{ $x | time.Format ":date_long" }}</time>{{ end }}</p>
  {{ with .GetTerms "regions" }}<p>Région : {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>{{ end }}
  {{ with .Params.price }}<p class="price">{{ lang.FormatNumber 0 . }} €</p>{{ end }}
  {{ with .Params.contact }}<p>Contact : {{ if in . "@" }}<a href="mailto:{{ . }}">{{ . }}</a>{{ else if hasPrefix . "http" }}<a href="{{ . }}">{{ . }}</a>{{ else }}<a href="tel:{{ replace . " " "" }}">{{ . }}</a>{{ end }}</p>{{ end }}
  <div class="content">{{ .Content }}</div>
{{ else }}
  <div class="content">{{ .Content }}</div>
{{ end }}
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Content }}<div class="intro">{{ . }}</div>{{ end }}
{{ with .Sections }}<ul class="links">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
{{ if eq .Section "agenda" }}
  {{ $now := time site.Params.now }}
  {{ $up := where .RegularPages "Date" "ge" $now }}
  {{ $past := where .RegularPages "Date" "lt" $now }}
  {{ $pag := .Paginate ($up.ByDate | append $past.ByDate.Reverse) 30 }}
  {{/* Sections par mois, dans l'ordre de la liste (à venir, puis passés). */}}
  {{ $prev := "" }}
  {{ range $pag.Pages }}{{ $m := .Date.Format "2006-01" }}
    {{ if ne $m $prev }}{{ if $prev }}</ul></section>{{ end }}
    <section><h2>{{ .Date | time.Format "January 2006" }}</h2><ul class="cards">{{ $prev = $m }}{{ end }}
    {{ partial "card.html" . }}
  {{ end }}
  {{ if $prev }}</ul></section>{{ end }}
  {{ partial "pagination.html" $pag }}
{{ else }}
  {{ $pag := .Paginate .RegularPagesRecursive.ByDate.Reverse 30 }}
  {{ if $pag.Pages }}<ul class="cards">{{ range $pag.Pages }}{{ partial "card.html" . }}{{ end }}</ul>
  {{ else }}<p class="empty">Aucun contenu pour le moment.</p>{{ end }}
  {{ partial "pagination.html" $pag }}
{{ end }}
{{ end }}
"""

TAXONOMY = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Content }}<div class="intro">{{ . }}</div>{{ end }}
<ul class="terms">
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> <span class="count">{{ .Count }}</span></li>
{{ end }}
</ul>
{{ end }}
"""

TERM = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Content }}<div class="intro">{{ . }}</div>{{ end }}
{{ $pag := .Paginate .Pages.ByDate.Reverse 30 }}
{{ if $pag.Pages }}<ul class="cards">{{ range $pag.Pages }}{{ partial "card.html" . }}{{ end }}</ul>
{{ else }}<p class="empty">Aucun contenu pour le moment.</p>{{ end }}
{{ partial "pagination.html" $pag }}
{{ end }}
"""

HOME = """\
{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<p class="intro">{{ .Site.Params.description }}</p>
{{ $now := time site.Params.now }}
<section><h2>Dernières fiches</h2>
<ul class="cards">{{ range first 10 (where site.RegularPages "Section" "fiches").ByDate.Reverse }}{{ partial "card.html" . }}{{ end }}</ul>
<p><a href="{{ "/fiches/" | relURL }}">Toutes les fiches</a></p></section>
{{ with first 5 (where (where site.RegularPages "Section" "agenda") "Date" "ge" $now).ByDate }}
<section><h2>Prochains événements</h2><ul class="cards">{{ range . }}{{ partial "card.html" . }}{{ end }}</ul></section>
{{ end }}
{{ with first 5 (where site.RegularPages "Section" "annonces").ByDate.Reverse }}
<section><h2>Dernières annonces</h2><ul class="cards">{{ range . }}{{ partial "card.html" . }}{{ end }}</ul></section>
{{ end }}
{{ end }}
"""

NOT_FOUND = """\
{{ define "main" }}
<h1>Page introuvable</h1>
<p>La page demandée n'existe pas ou a été déplacée. <a href="{{ "/" | relURL }}">Retour à l'accueil</a>.</p>
{{ end }}
"""

CARD = """\
{{ $kind := "Page" }}{{ $meta := "" }}
{{ if eq .Section "fiches" }}{{ $kind = "Fiche" }}{{ $meta = .Parent.Title }}
{{ else if eq .Section "agenda" }}{{ $kind = "Événement" }}{{ with .Params.location }}{{ $meta = . }}{{ end }}
{{ else if eq .Section "annonces" }}{{ $kind = "Annonce" }}{{ $meta = index site.Data.labels.ad_categories .Params.category }}{{ end }}
{{ with .GetTerms "regions" }}{{ $meta = printf "%s · %s" $meta (index . 0).LinkTitle }}{{ end }}
<li class="card">
  <span class="kind">{{ $kind }}</span>
  <h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
  <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time>
  {{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
  <p class="meta">{{ $meta }}</p>
</li>
"""

# As Castor's: the first and last pages, two on each side of the current one, « … » for two
# pages or more left out (a single one is shown).
PAGINATION = """\
{{ $pag := . }}
{{ if gt $pag.TotalPages 1 }}
{{ $cur := $pag.PageNumber }}{{ $last := $pag.TotalPages }}
<nav class="pagination" aria-label="Pagination">
  {{ with $pag.Prev }}<a rel="prev" href="{{ .URL }}">Précédent</a>{{ end }}
  <ol>{{ range $pag.Pagers }}{{ $n := .PageNumber }}{{ if or (eq $n 1) (eq $n $last) (and (ge $n (sub $cur 2)) (le $n (add $cur 2))) (and (eq $n 2) (le $cur 5)) (and (eq $n (sub $last 1)) (ge $cur (sub $last 4))) }}<li>{{ if eq $n $cur }}<span aria-current="page">{{ $n }}</span>{{ else }}<a href="{{ .URL }}">{{ $n }}</a>{{ end }}</li>{{ else if or (eq $n 2) (eq $n (sub $last 1)) }}<li aria-hidden="true">…</li>{{ end }}{{ end }}</ol>
  {{ with $pag.Next }}<a rel="next" href="{{ .URL }}">Suivant</a>{{ end }}
</nav>
{{ end }}
"""

STYLE = """\
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 0 1rem; line-height: 1.5; }
.site-header nav ul, .site-footer ul, .tags, .pagination ol { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .75rem; }
[aria-current="page"] { font-weight: bold; }
.cards { list-style: none; padding: 0; }
.card { border-bottom: 1px solid #ddd; padding: .5rem 0; }
.meta, .kind { color: #555; font-size: .9rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .25rem .5rem; }
"""


def write_hugo_skeleton(hugo: str) -> None:
    write(os.path.join(hugo, "hugo.toml"), HUGO_TOML.format(
        base_url=BASE_URL, title=q(SITE_TITLE), description=q(SITE_DESCRIPTION), now=NOW.isoformat()))
    lay = os.path.join(hugo, "layouts")
    write(os.path.join(lay, "_default", "baseof.html"), BASEOF)
    write(os.path.join(lay, "_default", "single.html"), SINGLE)
    write(os.path.join(lay, "_default", "list.html"), LIST)
    write(os.path.join(lay, "_default", "taxonomy.html"), TAXONOMY)
    write(os.path.join(lay, "_default", "term.html"), TERM)
    write(os.path.join(lay, "index.html"), HOME)
    write(os.path.join(lay, "404.html"), NOT_FOUND)
    write(os.path.join(lay, "partials", "card.html"), CARD)
    write(os.path.join(lay, "partials", "pagination.html"), PAGINATION)
    write(os.path.join(hugo, "static", "assets", "style.css"), STYLE)
    # Libellés (site.yml de Castor) pour les catégories d'annonces.
    write(os.path.join(hugo, "data", "labels.json"), json.dumps(
        {"ad_categories": dict(AD_CATEGORIES)}, ensure_ascii=False, indent=1) + "\n")

    c = os.path.join(hugo, "content")
    sections = [("fiches", "Fiches", "Toutes les fiches, des plus récentes aux plus anciennes.", ["html", "rss"]),
                ("agenda", "Agenda", "Les prochains événements de l'habitat participatif.", None),
                ("annonces", "Annonces", "Les petites annonces en cours.", None),
                ("themes", "Thèmes", "Les fiches classées par thème.", None),
                ("regions", "Régions", "Fiches, événements et annonces par région.", None)]
    for path, title, intro, outputs in sections:
        fm = [f"title: {q(title)}"] + ([f"outputs: [{', '.join(outputs)}]"] if outputs else [])
        write(os.path.join(c, path, "_index.md"), front_matter(fm) + "\n" + intro + "\n")
    for key, label in FICHE_TYPES:
        write(os.path.join(c, "fiches", key, "_index.md"), front_matter([f"title: {q(label)}"]) + "\n")
    for key, label in THEMES:
        write(os.path.join(c, "themes", key, "_index.md"), front_matter([f"title: {q(label)}"]) + "\n")
    for key, label, _ in REGIONS:
        write(os.path.join(c, "regions", key, "_index.md"), front_matter([f"title: {q(label)}"]) + "\n")


if __name__ == "__main__":
    sys.exit(main())
