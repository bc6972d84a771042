/// `card_format: {date_label: Mise à jour le, field_labels: false, group: true}`: how a card of
/// the collection says its date and its `card` fields (`PageContext.itemCard`).
public struct CardFormat: Sendable, Hashable {
    /// Written before the date of the order field (« Mise à jour le 3 mars 2026 »); without it,
    /// the field's label and a colon (« Mise à jour : 3 mars 2026 »).
    public var dateLabel: String?
    /// false: the values of the `card` fields without their label (« Bretagne » rather than
    /// « Régions : Bretagne »).
    public var fieldLabels = true
    /// true: the card of an item of a grouped collection (`groups`) starts with its group's label.
    public var group = false

    public init() {}
}

extension CollectionDeclarations.Reader {
    /// Reads `card_format`; nil after reporting why it cannot be used.
    mutating func cardFormat(_ entry: YAMLTree.Entry, grouped: Bool, collection id: String) -> CardFormat? {
        let example = "card_format: {date_label: Mise à jour le, field_labels: false, group: true}"
        let before = diagnostics.count
        let (map, _) = keyedValues(entry, known: ["date_label", "field_labels", "group"], example: example, collection: id)
        guard let map else { return nil }
        var format = CardFormat()
        if let label = map["date_label"] {
            if let text = label.value.text, !label.value.isEmpty, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                format.dateLabel = text
            } else {
                error(label.value.position, "« card_format » : « date_label » doit être un texte", hint: "par exemple : date_label: Mise à jour le")
            }
        }
        for (key, path) in [("field_labels", \CardFormat.fieldLabels), ("group", \CardFormat.group)] {
            guard let flag = map[key] else { continue }
            if let value = flag.value.bool {
                format[keyPath: path] = value
            } else {
                error(flag.value.position, "« card_format » : « \(key) » doit valoir true ou false")
            }
        }
        if format.group && !grouped, let flag = map["group"] {
            error(flag.value.position, "« card_format » : « group » demande une collection rangée en sous-dossiers (« groups »)",
                hint: "ajoutez « groups: » à la collection « \(id) », ou retirez « group »")
        }
        return diagnostics.count == before ? format : nil
    }

    /// Reads `latest` (how many items the home page's `collections.<id>.latest` shows) into
    /// `result`; false when it is not a number above 0 (reported).
    mutating func latestCount(_ values: [String: YAMLTree.Entry], into result: inout CollectionPublishing) -> Bool {
        guard let entry = values["latest"] else { return true }
        if case .scalar(let text, .int, _) = entry.value, let number = Int(text), number > 0 {
            result.latest = number
            return true
        }
        error(entry.value.position, "« latest » doit être un nombre de contenus plus grand que 0", hint: "par exemple : latest: 6")
        return false
    }
}
