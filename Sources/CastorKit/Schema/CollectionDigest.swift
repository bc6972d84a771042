/// `digest:` of a declared collection (issue 14, the newsletter): each of its items is an issue
/// (a date, an editorial in Markdown) to which Castor adds, by itself, what is new on the site
/// since the previous issue, in sections drawn from other collections (`Render/Digest.swift`),
/// and which it writes as an e-mail (`courriel.html`, `courriel.txt`, `Render/DigestMail.swift`).
public struct CollectionDigest: Sendable, Hashable {
    /// One automatic section of every issue.
    public struct Section: Sendable, Hashable {
        /// Its name in the issue's `skip` field (`agenda`), unique in the declaration.
        public let id: String
        /// Its French heading (« Prochains rendez-vous »).
        public let title: String
        /// The collection it draws from, and the date field that decides what is new.
        public let collection: String
        public let field: String
        /// Upcoming items (the agenda): those whose date is after the issue's, within this many
        /// days; nil: new items, dated after the previous issue and not after this one.
        public let upcomingDays: Int?
        /// `where: {field: [values]}`: only the items whose field holds one of the values.
        public let filter: [String: [String]]
        /// At most this many items (the first ones by date).
        public let limit: Int
        /// Where `collection`, `field` and `where` are written, for the checks made once every
        /// collection is read (`checkDigestSources`).
        let positions: [String: SourcePosition]

        public static func == (a: Section, b: Section) -> Bool {
            a.id == b.id && a.title == b.title && a.collection == b.collection && a.field == b.field
                && a.upcomingDays == b.upcomingDays && a.filter == b.filter && a.limit == b.limit
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(id)
            hasher.combine(collection)
            hasher.combine(field)
        }
    }

    /// The issue's own date field (a `date` field of the declaring collection).
    public let dateField: String
    /// The number (a `number` field), shown as « n° 3 » by the templates.
    public let numberField: String?
    /// The field of an issue listing the ids of the sections it leaves out (`sans: [annonces]`).
    public let skipField: String?
    /// Where `skip` is written (for the check of its list against the sections, `DigestSkip`).
    public var skipPosition: SourcePosition = .unknown
    /// The first issue (no published issue before it) takes what is new within this many days.
    public let firstDays: Int
    public let sections: [Section]

    static let keys = ["date", "number", "skip", "first_days", "sections"]
    static let sectionKeys = ["id", "title", "collection", "field", "upcoming_days", "where", "limit"]
    static let example = "digest: {date: date, skip: sans, sections: [{id: nouveautes, title: Nouveautés, collection: ressources, field: updated}]}"
    public static let defaultLimit = 12
    public static let defaultFirstDays = 90
}

extension CollectionDeclarations.Reader {
    /// Reads `digest:` of one declaration (nil when absent); `valid` is false when it is wrong
    /// (reported). The sections' collections and fields are checked by `checkDigestSources`.
    mutating func digest(_ values: [String: YAMLTree.Entry], fields: [FieldSpec], collection id: String, valid: inout Bool) -> CollectionDigest? {
        guard let entry = values["digest"] else { return nil }
        let (map, correct) = keyedValues(entry, known: CollectionDigest.keys, example: CollectionDigest.example, collection: id)
        guard let map else {
            valid = false
            return nil
        }
        let before = diagnostics.count
        let declared = fields.map(\.key).filter { $0 != "draft" }
        func ownField(_ key: String, accepts: (FieldType) -> Bool, expected: String) -> String? {
            guard let sub = map[key] else { return nil }
            guard let name = sub.value.text, !sub.value.isEmpty else {
                error(sub.value.position, "« digest » de la collection « \(id) » : « \(key) » doit être le nom d'un champ", hint: "par exemple : \(CollectionDigest.example)")
                return nil
            }
            guard let spec = fields.first(where: { $0.key == name }), name != "draft" else {
                error(sub.value.position, "« digest » : « \(name) » n'est pas un champ de « \(id) »" + CollectionDeclarations.suggestion(name, among: declared),
                    hint: "champs déclarés : " + declared.joined(separator: ", "))
                return nil
            }
            guard accepts(spec.type) else {
                error(sub.value.position, "« digest » : « \(key) » doit nommer \(expected), mais « \(name) » est de type \(FieldDeclarations.typeName(spec.type))",
                    hint: "choisissez un autre champ de « \(id) », ou changez son type")
                return nil
            }
            return name
        }
        let dateField = ownField("date", accepts: { $0 == .date }, expected: "un champ date (la date du numéro)")
        if map["date"] == nil {
            error(entry.keyPosition, "« digest » de la collection « \(id) » : « date » manquant", hint: "le champ date de chaque numéro, par exemple : date: date")
        }
        let numberField = ownField("number", accepts: { if case .number = $0 { return true } else { return false } }, expected: "un champ number (le numéro)")
        let skipField = ownField("skip", accepts: { type in
            switch type {
            case .terms, .textList: return true
            default: return false
            }
        }, expected: "un champ terms ou text_list (les sections à laisser de côté)")
        var firstDays = CollectionDigest.defaultFirstDays
        if let sub = map["first_days"] {
            if let number = positiveInt(sub.value) {
                firstDays = number
            } else {
                error(sub.value.position, "« digest » : « first_days » doit être un nombre de jours plus grand que 0", hint: "par exemple : first_days: 90")
            }
        }
        var sections: [CollectionDigest.Section] = []
        if let sub = map["sections"] {
            if case .list(let items, _) = sub.value, !items.isEmpty {
                for item in items {
                    if let section = digestSection(item, collection: id) {
                        if sections.contains(where: { $0.id == section.id }) {
                            error(item.position, "« digest » : deux sections s'appellent « \(section.id) »", hint: "donnez à chaque section un « id » différent")
                        } else {
                            sections.append(section)
                        }
                    }
                }
            } else {
                error(sub.value.position, "« digest » : « sections » doit être une liste de sections", hint: "par exemple : \(CollectionDigest.example)")
            }
        } else {
            error(entry.keyPosition, "« digest » de la collection « \(id) » : « sections » manquant", hint: "par exemple : \(CollectionDigest.example)")
        }
        guard correct, diagnostics.count == before, let dateField else {
            valid = false
            return nil
        }
        var digest = CollectionDigest(dateField: dateField, numberField: numberField, skipField: skipField, firstDays: firstDays, sections: sections)
        digest.skipPosition = map["skip"]?.value.position ?? .unknown
        return digest
    }

    /// A whole number above 0, or nil.
    func positiveInt(_ value: YAMLTree) -> Int? {
        guard case .scalar(let text, .int, _) = value, let number = Int(text), number > 0 else { return nil }
        return number
    }

    /// One section as written (its collection and field are checked later); nil after reporting.
    mutating func digestSection(_ item: YAMLTree, collection id: String) -> CollectionDigest.Section? {
        let example = "{id: nouveautes, title: Nouveautés, collection: ressources, field: updated}"
        guard case .map(let entries, let position) = item else {
            error(item.position, "une section de « digest » s'écrit avec des clés", hint: "par exemple : \(example)")
            return nil
        }
        let before = diagnostics.count
        unknownKeys(entries, known: CollectionDigest.sectionKeys, context: "dans une section de « digest » de la collection « \(id) »")
        let values = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        func text(_ key: String) -> String? {
            guard let sub = values[key], let text = sub.value.text, !sub.value.isEmpty,
                !text.trimmingCharacters(in: .whitespaces).isEmpty
            else {
                error(values[key]?.value.position ?? position, "section de « digest » : « \(key) » manquant ou vide", hint: "par exemple : \(example)")
                return nil
            }
            return text
        }
        let sectionID = text("id")
        if let sectionID, let sub = values["id"], Slug.make(sectionID) != sectionID {
            error(sub.value.position, "section de « digest » : « id » invalide « \(sectionID) » : minuscules sans accent, chiffres et tirets",
                hint: "écrivez « \(Slug.make(sectionID)) »")
        }
        let title = text("title")
        let source = text("collection")
        let field = text("field")
        var upcoming: Int?
        if let sub = values["upcoming_days"] {
            upcoming = positiveInt(sub.value)
            if upcoming == nil {
                error(sub.value.position, "section de « digest » : « upcoming_days » doit être un nombre de jours plus grand que 0",
                    hint: "par exemple : upcoming_days: 60 (les événements des deux mois qui suivent le numéro)")
            }
        }
        var limit = CollectionDigest.defaultLimit
        if let sub = values["limit"] {
            if let number = positiveInt(sub.value) {
                limit = number
            } else {
                error(sub.value.position, "section de « digest » : « limit » doit être un nombre plus grand que 0", hint: "par exemple : limit: 10")
            }
        }
        var filter: [String: [String]] = [:]
        if let sub = values["where"] {
            if case .map(let conditions, _) = sub.value, !conditions.isEmpty {
                for condition in conditions {
                    if let wanted = list(condition.value), !wanted.isEmpty {
                        filter[condition.key] = wanted
                    } else {
                        error(condition.value.position, "section de « digest » : « where » attend une valeur ou une liste de valeurs pour « \(condition.key) »",
                            hint: "par exemple : where: {status: [reponse-publiee]}")
                    }
                }
            } else {
                error(sub.value.position, "section de « digest » : « where » s'écrit {champ: [valeurs]}", hint: "par exemple : where: {status: [reponse-publiee]}")
            }
        }
        guard diagnostics.count == before, let sectionID, let title, let source, let field else { return nil }
        var positions: [String: SourcePosition] = [:]
        for key in ["collection", "field", "where"] { if let sub = values[key] { positions[key] = sub.value.position } }
        return CollectionDigest.Section(
            id: sectionID, title: title, collection: source, field: field, upcomingDays: upcoming, filter: filter, limit: limit,
            positions: positions)
    }

    /// Once every collection is read: each section draws from a declared collection, by one of
    /// its date fields, and filters on its fields.
    mutating func checkDigestSources(declared: [String], valid: [CollectionSchema]) {
        for schema in valid {
            for section in schema.publishing.digest?.sections ?? [] {
                let at = section.positions["collection"] ?? .unknown
                guard declared.contains(section.collection) else {
                    error(at, "la section « \(section.id) » de « digest » (collection « \(schema.id) ») puise dans « \(section.collection) », qui n'est pas déclarée"
                        + CollectionDeclarations.suggestion(section.collection, among: declared),
                        hint: "collections déclarées : " + declared.joined(separator: ", "))
                    continue
                }
                // An invalid collection is reported already.
                guard let source = valid.first(where: { $0.id == section.collection }) else { continue }
                let names = source.fields.map(\.key).filter { $0 != "draft" }
                let fieldAt = section.positions["field"] ?? at
                if let spec = source.field(section.field) {
                    switch spec.type {
                    case .date, .dateOrDateTime: break
                    default:
                        let dates = source.fields.filter { $0.type == .date || $0.type == .dateOrDateTime }.map(\.key)
                        error(fieldAt, "la section « \(section.id) » de « digest » : « \(section.field) » est de type \(FieldDeclarations.typeName(spec.type)), pas une date",
                            hint: dates.isEmpty ? "« \(section.collection) » n'a aucun champ date" : "champs date de « \(section.collection) » : " + dates.joined(separator: ", "))
                    }
                } else {
                    error(fieldAt, "la section « \(section.id) » de « digest » : « \(section.field) » n'est pas un champ de « \(section.collection) »"
                        + CollectionDeclarations.suggestion(section.field, among: names),
                        hint: "champs déclarés : " + names.joined(separator: ", "))
                }
                for key in section.filter.keys.sorted() where source.field(key) == nil || key == "draft" {
                    error(section.positions["where"] ?? at, "la section « \(section.id) » de « digest » : « where » nomme « \(key) », qui n'est pas un champ de « \(section.collection) »"
                        + CollectionDeclarations.suggestion(key, among: names),
                        hint: "champs déclarés : " + names.joined(separator: ", "))
                }
            }
        }
    }
}
