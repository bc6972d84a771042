/// The resource centre's kinds of content, as declarations.
///
/// Each field lists the names a volunteer may write by mistake (`aliases`, mostly French): they
/// are refused with a message naming the right field.
public enum BuiltinCollections {
    static let summaryAliases = ["résumé", "description", "chapô", "chapeau"]

    public static let fiches = CollectionSchema(
        id: "fiches", label: "Fiches", singular: "Fiche",
        layout: .grouped(vocabulary: "fiche_types"),
        fields: [
            FieldSpec("title", "Titre", .text, required: true, aliases: ["titre", "intitulé"]),
            FieldSpec("summary", "Résumé", .text, required: true, aliases: summaryAliases),
            FieldSpec("themes", "Thèmes", .terms(vocabulary: "themes"), aliases: ["thème", "thématique", "thématiques", "mots-clés", "tags"]),
            FieldSpec("regions", "Régions", .terms(vocabulary: "regions"), aliases: ["région"]),
            FieldSpec("updated", "Mise à jour", .date, required: true, aliases: ["mise à jour", "mis à jour", "maj", "modifié", "modifié le", "date"]),
            FieldSpec("authors", "Auteurs", .textList, aliases: ["auteur", "auteurs", "autrice", "autrices", "rédacteur", "rédacteurs", "rédaction"]),
            FieldSpec("attachments", "Pièces jointes", .attachments, aliases: ["pièces jointes", "pièce jointe", "pj", "fichiers", "documents", "annexes"]),
        ],
        template: "fiche")

    public static let statuses: [FieldType.Choice] = [
        .init("confirmed", "Confirmé"), .init("cancelled", "Annulé"), .init("postponed", "Reporté"),
    ]

    public static let events = CollectionSchema(
        id: "agenda", label: "Agenda", singular: "Événement",
        fields: [
            FieldSpec("title", "Titre", .text, required: true, aliases: ["titre", "intitulé"]),
            FieldSpec("start", "Début", .dateOrDateTime, required: true, aliases: ["début", "date", "date de début", "heure", "horaire", "quand"]),
            FieldSpec("end", "Fin", .dateOrDateTime, aliases: ["fin", "date de fin"]),
            FieldSpec("location", "Lieu", .text, aliases: ["lieu", "adresse", "salle", "endroit", "où"]),
            FieldSpec("region", "Région", .term(vocabulary: "regions"), aliases: ["région", "régions"]),
            FieldSpec("summary", "Résumé", .text, aliases: summaryAliases),
            FieldSpec("online", "Lien en ligne", .url, aliases: ["en ligne", "lien", "visio", "visioconférence", "lien visio"]),
            FieldSpec("registration", "Inscription", .url, aliases: ["inscription", "inscriptions", "lien d'inscription"]),
            FieldSpec("status", "Statut", .choice(statuses), aliases: ["statut", "état"]),
            FieldSpec("announced", "Annoncé le", .date, aliases: ["annoncé", "annoncé le", "annonce"]),
        ],
        rules: [.notBefore(later: "end", earlier: "start")],
        template: "event",
        // Pages and files of the agenda itself.
        reservedSlugs: ["regions", "partager"])

    public static let ads = CollectionSchema(
        id: "annonces", label: "Petites annonces", singular: "Annonce",
        fields: [
            FieldSpec("title", "Titre", .text, required: true, aliases: ["titre", "intitulé"]),
            FieldSpec("category", "Catégorie", .term(vocabulary: "ad_categories"), required: true, aliases: ["catégorie", "rubrique", "type"]),
            FieldSpec("region", "Région", .term(vocabulary: "regions"), aliases: ["région", "régions"]),
            FieldSpec("published", "Publication", .date, required: true, aliases: ["publication", "publié", "publié le", "date", "date de publication"]),
            FieldSpec("expires", "Expiration", .date, aliases: ["expire", "expiration", "expire le", "date d'expiration", "fin"]),
            FieldSpec("contact", "Contact", .contact, required: true, aliases: ["contacts", "courriel", "e-mail", "email", "mail", "téléphone", "tél"]),
            FieldSpec("price", "Prix", .price, aliases: ["prix", "tarif", "montant", "coût"]),
            FieldSpec("summary", "Résumé", .text, aliases: summaryAliases),
        ],
        rules: [.notBefore(later: "expires", earlier: "published")],
        template: "ad")

    public static let pages = CollectionSchema(
        id: "pages", label: "Pages", singular: "Page",
        fields: [
            FieldSpec("title", "Titre", .text, required: true, aliases: ["titre", "intitulé"]),
            FieldSpec("summary", "Résumé", .text, aliases: summaryAliases),
        ],
        template: "page", urlPrefix: "", hasListing: false)

    public static let all = [fiches, events, ads, pages]
}
