/// The resource centre's kinds of content, as declarations.
public enum BuiltinCollections {
    public static let fiches = CollectionSchema(
        id: "fiches", label: "Fiches", singular: "Fiche",
        layout: .grouped(vocabulary: "fiche_types"),
        fields: [
            FieldSpec("title", "Titre", .text, required: true),
            FieldSpec("summary", "Résumé", .text, required: true),
            FieldSpec("themes", "Thèmes", .terms(vocabulary: "themes")),
            FieldSpec("regions", "Régions", .terms(vocabulary: "regions")),
            FieldSpec("updated", "Mise à jour", .date, required: true),
            FieldSpec("authors", "Auteurs", .textList),
            FieldSpec("attachments", "Pièces jointes", .attachments),
        ],
        template: "fiche")

    public static let statuses: [FieldType.Choice] = [
        .init("confirmed", "Confirmé"), .init("cancelled", "Annulé"), .init("postponed", "Reporté"),
    ]

    public static let events = CollectionSchema(
        id: "agenda", label: "Agenda", singular: "Événement",
        fields: [
            FieldSpec("title", "Titre", .text, required: true),
            FieldSpec("start", "Début", .dateOrDateTime, required: true),
            FieldSpec("end", "Fin", .dateOrDateTime),
            FieldSpec("location", "Lieu", .text),
            FieldSpec("region", "Région", .term(vocabulary: "regions")),
            FieldSpec("summary", "Résumé", .text),
            FieldSpec("online", "Lien en ligne", .url),
            FieldSpec("registration", "Inscription", .url),
            FieldSpec("status", "Statut", .choice(statuses)),
            FieldSpec("announced", "Annoncé le", .date),
        ],
        rules: [.notBefore(later: "end", earlier: "start")],
        template: "event",
        // Pages and files of the agenda itself.
        reservedSlugs: ["regions", "partager"])

    public static let ads = CollectionSchema(
        id: "annonces", label: "Petites annonces", singular: "Annonce",
        fields: [
            FieldSpec("title", "Titre", .text, required: true),
            FieldSpec("category", "Catégorie", .term(vocabulary: "ad_categories"), required: true),
            FieldSpec("region", "Région", .term(vocabulary: "regions")),
            FieldSpec("published", "Publication", .date, required: true),
            FieldSpec("expires", "Expiration", .date),
            FieldSpec("contact", "Contact", .contact, required: true),
            FieldSpec("price", "Prix", .price),
            FieldSpec("summary", "Résumé", .text),
        ],
        rules: [.notBefore(later: "expires", earlier: "published")],
        template: "ad")

    public static let pages = CollectionSchema(
        id: "pages", label: "Pages", singular: "Page",
        fields: [
            FieldSpec("title", "Titre", .text, required: true),
            FieldSpec("summary", "Résumé", .text),
        ],
        template: "page", urlPrefix: "", hasListing: false)

    public static let all = [fiches, events, ads, pages]
}
