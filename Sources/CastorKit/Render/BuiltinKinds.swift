/// TRANSITIONAL (issue 12, stage 1). The collections are declared in `content/collections.yml`,
/// but the renderer (SitePlan, PageContext, Feeds, Search, Builder.sortedItems, ContentAudit,
/// LiveSite) still has dedicated code for one of the kinds the site had before: the fiches (the
/// static pages, the petites annonces and the agenda moved onto the generic path: `footer: true`,
/// `lifecycle`, `listing_paths`, `contact_placeholder`, `calendar`…). That code finds its
/// collection here, by id, and nowhere else. Stage 2 replaces this file with features switched
/// on by the declarations (order, grouping, feeds, calendar, lifecycle…) and generic templates.
///
/// A collection declared with another id is published by the generic renderer (stage 2a):
/// `CollectionPublishing`, `SitePlan.collectionJobs`, `PageContext.item`, `item.mustache`.
public enum BuiltinKinds {
    public static let fiches = "fiches"
    public static let all: Set<String> = [fiches]

    /// Whether the collection is the one with dedicated code; any other is published
    /// by the generic renderer from its declaration (`Site.collections`).
    public static func isBuiltin(_ collection: CollectionSchema) -> Bool {
        all.contains(collection.id)
    }

    /// The template of an item page: the declared one, or the one the kind always had.
    static func template(_ collection: CollectionSchema) -> String {
        if let template = collection.template { return template }
        return "fiche"
    }

    /// What the dedicated code of a kind relies on: where its pages are (the renderer writes
    /// its listings there), its sub-folders, and the fields it reads with their type (`true`:
    /// it must be declared and required). Labels, aliases, examples, help and new fields are free.
    struct Expectation {
        let prefix: String
        let groups: String?
        let fields: [(key: String, type: FieldType, required: Bool)]
    }

    static let expectations: [String: Expectation] = [
        fiches: Expectation(prefix: "fiches/", groups: "fiche_types", fields: [
            ("title", .text, true), ("summary", .text, false), ("themes", .terms(vocabulary: "themes"), false),
            ("regions", .terms(vocabulary: "regions"), false), ("updated", .date, true), ("authors", .textList, false),
            ("attachments", .attachments, false),
        ]),
    ]

    /// Why the declaration of the fiches breaks what its dedicated code relies on
    /// (each a French sentence), empty when it does not.
    static func problems(_ collection: CollectionSchema) -> [(message: String, hint: String)] {
        guard let expected = expectations[collection.id] else { return [] }
        let name = "« \(collection.id) »"
        var result: [(String, String)] = []
        let later = "cette version de Castor publie \(name) avec un code qui lui est propre ; une prochaine version lira ce réglage dans collections.yml"
        if collection.publishedPrefix != expected.prefix {
            let shown = expected.prefix.isEmpty ? "\"\"" : expected.prefix
            result.append(("le préfixe d'adresse de \(name) doit rester « \(shown) »", "retirez « prefix » ou remettez « \(shown) » : " + later))
        }
        var groups: String?
        if case .grouped(let vocabulary) = collection.layout { groups = vocabulary }
        if groups != expected.groups {
            let wanted = expected.groups.map { "« groups: \($0) »" } ?? "pas de « groups »"
            result.append(("\(name) doit garder \(wanted)", later))
        }
        for (key, type, required) in expected.fields {
            guard let field = collection.field(key) else {
                if required { result.append(("\(name) doit garder son champ « \(key) »", "remettez-le, obligatoire : " + later)) }
                continue
            }
            if required && !field.required {
                result.append(("le champ « \(key) » de \(name) doit rester obligatoire", "remettez « required: true » : " + later))
            }
            let same = field.type == type
            if !same {
                var wanted = FieldDeclarations.typeName(type)
                switch type {
                case .term(let vocabulary), .terms(let vocabulary): wanted += " sur la liste « \(vocabulary) »"
                default: break
                }
                result.append(("le champ « \(key) » de \(name) doit rester de type \(wanted)", later))
            }
        }
        return result
    }
}
