/// `lifecycle: {field, from, default_days}`: the items of a collection leave the site after a
/// date (the petites annonces expire). An item is published up to and including its `field`
/// date, or, when it has none, `from` plus `default_days`. `castor build` and `castor check`
/// warn about the items leaving within `noticeDays`.
public struct Lifecycle: Sendable, Hashable {
    /// The date field after which an item is no longer published (`expires`).
    public let field: String
    /// The date field the default lifetime counts from (`published`), with `defaultDays`.
    public let from: String?
    public let defaultDays: Int?
    /// Days ahead within which an item leaving the site is a warning.
    public static let noticeDays = 14

    /// The last day the item is published: its `field`, else `from` + `default_days`; nil
    /// when neither says (the item never expires).
    public func lastDay(of entry: Entry) -> LocalDate? {
        if let day = entry[field]?.day { return day }
        guard let from, let defaultDays, let start = entry[from]?.day else { return nil }
        return start.adding(days: defaultDays)
    }

    /// Whether the item has no `field` of its own and the default lifetime applies.
    public func usesDefault(_ entry: Entry) -> Bool { entry[field] == nil && from != nil }

    public func isExpired(_ entry: Entry, today: LocalDate) -> Bool {
        guard let last = lastDay(of: entry) else { return false }
        return last < today
    }

    /// Published and leaving within `days` days from `today` (included).
    public func expiresSoon(_ entry: Entry, today: LocalDate, within days: Int = Lifecycle.noticeDays) -> Bool {
        guard let last = lastDay(of: entry) else { return false }
        return last >= today && last <= today.adding(days: days)
    }
}

extension CollectionSchema {
    /// Whether the item is past its lifecycle (`lifecycle:`), so no longer published.
    public func isExpired(_ entry: Entry, today: LocalDate) -> Bool {
        publishing.lifecycle?.isExpired(entry, today: today) ?? false
    }
}

extension CollectionDeclarations.Reader {
    /// Reads `lifecycle`; nil after reporting why it cannot be used.
    mutating func lifecycle(_ entry: YAMLTree.Entry, fields: [FieldSpec], collection id: String) -> Lifecycle? {
        let example = "lifecycle: {field: expires, from: published, default_days: 90}"
        let (map, correct) = keyedValues(entry, known: ["field", "from", "default_days"], example: example, collection: id)
        guard let map else { return nil }
        let before = diagnostics.count
        func dateField(_ key: String) -> String? {
            guard let value = map[key],
                let spec = namedField(value, key: key, owner: "lifecycle", fields: fields, collection: id, example: example)
            else { return nil }
            let name = spec.key
            guard spec.type == .date else {
                error(value.value.position, "« lifecycle » : « \(name) » est de type \(FieldDeclarations.typeName(spec.type)), pas une date",
                    hint: "la fin de publication se compte en jours : choisissez un champ de type date")
                return nil
            }
            return name
        }
        let field = dateField("field")
        if map["field"] == nil {
            error(entry.keyPosition, "« lifecycle » de la collection « \(id) » : « field » manquant", hint: "par exemple : \(example)")
        }
        let from = dateField("from")
        var days: Int?
        if let value = map["default_days"] {
            if case .scalar(let text, .int, _) = value.value, let number = Int(text), number > 0 {
                days = number
            } else {
                error(value.value.position, "« lifecycle » : « default_days » doit être un nombre de jours plus grand que 0",
                    hint: "par exemple : default_days: 90")
            }
        }
        if (map["from"] == nil) != (map["default_days"] == nil) {
            error(entry.keyPosition, "« lifecycle » de la collection « \(id) » : « from » et « default_days » vont ensemble",
                hint: "« from » dit de quelle date compte la durée par défaut, « default_days » combien de jours : \(example)")
        }
        guard correct, diagnostics.count == before, let field else { return nil }
        return Lifecycle(field: field, from: from, defaultDays: days)
    }
}
