/// `calendar: {start, end, location, online, registration, status, announced, scope, json,
/// description}`: the items are dated events (the agenda). The collection then gets what an
/// agenda needs, written once for any collection that declares it: its listing shows the
/// upcoming items by month (past ones in `<prefix>archives/`, by year), one listing per value of
/// `scope` (`<prefix>regions/<value>/`), iCalendar files (the whole agenda, each scope, each
/// item), an Atom feed of newly announced items, a JSON Feed of upcoming ones
/// (`<prefix><json>`), the widget other sites embed (`<prefix>widget.js`) and the page on
/// sharing it (`<prefix>partager/`). Each key names a field of the collection.
public struct CalendarSpec: Sendable, Hashable {
    /// `date_or_datetime` (or `date`) fields: when it starts, and when it ends (optional).
    public let start: String
    public let end: String?
    /// A `text` field (the place), `url` fields (online, registration).
    public let location: String?
    public let online: String?
    public let registration: String?
    /// A `choice` field among `confirmed`, `cancelled`, `postponed` (absent: confirmed).
    public let status: String?
    /// A `date` field: when the item was announced (the Atom feed's date; else its first day).
    public let announced: String?
    /// A `term` field on the site.yml list `regions`: one agenda page and calendar per value.
    public let scope: String?
    /// The file name of the JSON Feed of upcoming items, in the collection's folder (default: `<id>.json`).
    public let json: String
    /// One sentence describing the agenda, for the calendars and the JSON Feed.
    public let description: String

    /// The statuses a `status` field may take, each with what the site says of it.
    public static let statuses = ["confirmed", "cancelled", "postponed"]
    /// The list of site.yml a `scope` field takes its values from.
    public static let scopeVocabulary = "regions"
}

extension CollectionDeclarations.Reader {
    /// Reads `calendar`; nil after reporting why it cannot be used.
    mutating func calendar(_ entry: YAMLTree.Entry, fields: [FieldSpec], collection id: String) -> CalendarSpec? {
        let example = "calendar: {start: start, end: end, location: location, scope: region, json: evenements.json}"
        let keys = ["start", "end", "location", "online", "registration", "status", "announced", "scope", "json", "description"]
        let (map, correct) = keyedValues(entry, known: keys, example: example, collection: id)
        guard let map else { return nil }
        let before = diagnostics.count
        /// The field named by `key`, checked to be one of `types` (described by `wanted`).
        func field(_ key: String, wanted: String, accepts: (FieldType) -> Bool) -> String? {
            guard let value = map[key],
                let spec = namedField(value, key: key, owner: "calendar", fields: fields, collection: id, example: example)
            else { return nil }
            let name = spec.key
            guard accepts(spec.type) else {
                error(value.value.position, "« calendar » : « \(key) » est de type \(FieldDeclarations.typeName(spec.type)), il faut \(wanted)")
                return nil
            }
            if key == "status", case .choice(let choices) = spec.type, choices.contains(where: { !CalendarSpec.statuses.contains($0.value) }) {
                error(value.value.position, "« calendar » : les valeurs de « \(name) » doivent être prises parmi "
                    + CalendarSpec.statuses.joined(separator: ", "),
                    hint: "le site dit « Annulé » ou « Reporté » pour les deux dernières ; ajoutez d'autres libellés, pas d'autres valeurs")
                return nil
            }
            return name
        }
        let dated: (FieldType) -> Bool = { $0 == .dateOrDateTime || $0 == .date }
        let start = field("start", wanted: "un champ date ou date_or_datetime", accepts: dated)
        if map["start"] == nil {
            error(entry.keyPosition, "« calendar » de la collection « \(id) » : « start » manquant", hint: "par exemple : \(example)")
        }
        let end = field("end", wanted: "un champ date ou date_or_datetime", accepts: dated)
        let location = field("location", wanted: "un champ text", accepts: { $0 == .text })
        let online = field("online", wanted: "un champ url", accepts: { $0 == .url })
        let registration = field("registration", wanted: "un champ url", accepts: { $0 == .url })
        let status = field("status", wanted: "un champ choice", accepts: {
            if case .choice = $0 { return true }
            return false
        })
        let announced = field("announced", wanted: "un champ date", accepts: { $0 == .date })
        let scope = field("scope", wanted: "un champ term sur la liste « \(CalendarSpec.scopeVocabulary) »", accepts: {
            $0 == .term(vocabulary: CalendarSpec.scopeVocabulary)
        })
        var json = id + ".json"
        if let value = map["json"] {
            if let name = value.value.text, name.hasSuffix(".json"), Slug.make(String(name.dropLast(5))) == String(name.dropLast(5)) {
                json = name
            } else {
                error(value.value.position, "« calendar » : « json » est un nom de fichier en minuscules qui finit par .json",
                    hint: "par exemple : json: evenements.json")
            }
        }
        var description = ""
        if let value = map["description"] {
            if let text = value.value.text, !value.value.isEmpty {
                description = text
            } else {
                error(value.value.position, "« calendar » : « description » doit être une phrase")
            }
        }
        guard correct, diagnostics.count == before, let start else { return nil }
        return CalendarSpec(
            start: start, end: end, location: location, online: online, registration: registration, status: status,
            announced: announced, scope: scope, json: json, description: description)
    }
}
