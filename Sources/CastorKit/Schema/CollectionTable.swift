/// The « database » keys of a declared collection (issue 13): its listing as one sortable,
/// filterable page (`table`), downloadable lists of its items (`export`) and counts by value
/// drawn on its listing (`stats`). Read here, published by `CollectionTableContext`,
/// `CollectionStats` and `CollectionExports`.
public struct CollectionTable: Sendable, Hashable {
    /// Fields the visitor may sort by, each both ways (text, date, number, term, choice fields).
    public var sort: [String] = []
    /// Fields the visitor may filter by, with the number of items next to each value (term,
    /// terms and choice fields).
    public var filters: [String] = []
    /// A free-text box over the cards' text, without case or accents.
    public var text = false

    public init(sort: [String] = [], filters: [String] = [], text: Bool = false) {
        self.sort = sort
        self.filters = filters
        self.text = text
    }
}

/// `export`: the formats of the downloadable lists, `<prefix><id>.csv` and `<prefix><id>.json`.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    case csv
    case json
}

/// `stats: {by: [...], sum: field}`: counts of items by each value of the `by` fields, and the
/// total of the `sum` number field for each value.
public struct CollectionStatsSpec: Sendable, Hashable {
    public var by: [String]
    public var sum: String?

    public init(by: [String], sum: String? = nil) {
        self.by = by
        self.sum = sum
    }
}

extension CollectionTable {
    /// Fields a visitor may sort by: one value each, compared as text, date or number.
    static func isSortable(_ type: FieldType) -> Bool {
        switch type {
        case .text, .date, .dateOrDateTime, .price, .number, .term, .choice: return true
        case .bool, .url, .contact, .terms, .textList, .attachments, .reference, .references: return false
        }
    }

    /// Fields whose values come from a closed list: filters and statistics group by them.
    static func isGrouping(_ type: FieldType) -> Bool {
        switch type {
        case .term, .terms, .choice: return true
        default: return false
        }
    }

    /// Fields the statistics count by: closed lists, and the items a reference field names
    /// (each named item is a row, labelled by its title and linked to its page).
    static func isCountable(_ type: FieldType) -> Bool {
        switch type {
        case .reference, .references: return true
        default: return isGrouping(type)
        }
    }
}

extension CollectionDeclarations.Reader {
    /// The items of a list with their own positions, or nil (reported) when it is not a list of texts.
    mutating func positionedList(_ entry: YAMLTree.Entry, owner: String, example: String) -> [(name: String, position: SourcePosition)]? {
        switch entry.value {
        case .scalar(let text, _, let position) where !entry.value.isNull: return [(text, position)]
        case .list(let items, _):
            var names: [(String, SourcePosition)] = []
            for item in items {
                guard let text = item.text, !item.isNull else {
                    error(item.position, "\(owner) doit être une liste de noms", hint: "par exemple : \(example)")
                    return nil
                }
                names.append((text, item.position))
            }
            return names
        default:
            error(entry.value.position, "\(owner) doit être une liste de noms", hint: "par exemple : \(example)")
            return nil
        }
    }

    /// Reads `table`, `export` and `stats` into `result`; false when one of them is wrong (reported).
    mutating func databaseKeys(_ values: [String: YAMLTree.Entry], fields: [FieldSpec], collection id: String, into result: inout CollectionPublishing) -> Bool {
        var valid = true
        let declared = fields.filter { $0.key != "draft" }
        func fieldsHint(_ accepted: (FieldType) -> Bool, what: String) -> String {
            let names = declared.filter { accepted($0.type) }.map(\.key)
            return names.isEmpty ? "aucun champ de « \(id) » n'est \(what)" : "champs possibles : " + names.joined(separator: ", ")
        }
        /// The named fields, each declared and of an accepted type.
        func fieldNames(
            _ entry: YAMLTree.Entry, owner: String, example: String, accepted: (FieldType) -> Bool, what: String, refused: String
        ) -> [String] {
            guard let names = positionedList(entry, owner: owner, example: example) else {
                valid = false
                return []
            }
            var result: [String] = []
            for (name, position) in names {
                guard let spec = declared.first(where: { $0.key == name }) else {
                    error(position, "\(owner) : « \(name) » n'est pas un champ de « \(id) »"
                        + CollectionDeclarations.suggestion(name, among: declared.map(\.key)), hint: fieldsHint(accepted, what: what))
                    valid = false
                    continue
                }
                guard accepted(spec.type) else {
                    error(position, "\(owner) : « \(name) » est de type \(FieldDeclarations.typeName(spec.type)) ; \(refused)",
                        hint: fieldsHint(accepted, what: what))
                    valid = false
                    continue
                }
                if result.contains(name) {
                    error(position, "\(owner) : « \(name) » est nommé deux fois", hint: "retirez le second")
                    valid = false
                    continue
                }
                result.append(name)
            }
            return result
        }
        func subKeys(_ entry: YAMLTree.Entry, known: [String], example: String) -> [String: YAMLTree.Entry]? {
            let (map, correct) = keyedValues(entry, known: known, example: example, collection: id)
            if !correct { valid = false }
            return map
        }

        if let entry = values["table"] {
            let example = "table: {sort: [title, updated], filters: [region], text: true}"
            if let map = subKeys(entry, known: ["sort", "filters", "text"], example: example) {
                var table = CollectionTable()
                if let sort = map["sort"] {
                    table.sort = fieldNames(
                        sort, owner: "« table » (sort)", example: "sort: [title, updated]", accepted: CollectionTable.isSortable,
                        what: "triable", refused: "on ne trie que par un champ à une seule valeur (texte, date, nombre, prix, term, choice)")
                }
                if let filters = map["filters"] {
                    table.filters = fieldNames(
                        filters, owner: "« table » (filters)", example: "filters: [region, types]", accepted: CollectionTable.isGrouping,
                        what: "de type term, terms ou choice", refused: "on ne filtre que par un champ de type term, terms ou choice")
                }
                if let text = map["text"] {
                    if let flag = text.value.bool {
                        table.text = flag
                    } else {
                        error(text.value.position, "« text » de « table » doit valoir true ou false", hint: "text: true ajoute une recherche libre dans la liste")
                        valid = false
                    }
                }
                if table.sort.isEmpty && table.filters.isEmpty && !table.text && valid {
                    error(entry.value.position, "« table » de la collection « \(id) » ne demande ni tri, ni filtre, ni recherche",
                        hint: "par exemple : \(example)")
                    valid = false
                }
                result.table = table
            }
        }
        // The form and the statistics live on the collection's listing page.
        if values["listing"]?.value.bool == false {
            for key in ["table", "stats"] {
                guard let entry = values[key] else { continue }
                error(entry.keyPosition, "« \(key) » s'affiche sur la page de liste de « \(id) », qui n'en a pas (« listing: false »)",
                    hint: "retirez « \(key) », ou écrivez « listing: true »")
                valid = false
            }
        }
        if let entry = values["export"] {
            let formats = ExportFormat.allCases.map(\.rawValue)
            if let names = positionedList(entry, owner: "« export »", example: "export: [csv, json]") {
                for (name, position) in names {
                    guard let format = ExportFormat(rawValue: name) else {
                        error(position, "« export » : format « \(name) » inconnu" + CollectionDeclarations.suggestion(name, among: formats),
                            hint: "formats possibles : " + formats.joined(separator: ", "))
                        valid = false
                        continue
                    }
                    if !result.exports.contains(format) { result.exports.append(format) }
                }
            } else {
                valid = false
            }
        }
        if let entry = values["stats"] {
            let example = "stats: {by: [region, stage], sum: homes}"
            if let map = subKeys(entry, known: ["by", "sum"], example: example) {
                var spec = CollectionStatsSpec(by: [])
                if let by = map["by"] {
                    spec.by = fieldNames(
                        by, owner: "« stats » (by)", example: "by: [region]", accepted: CollectionTable.isCountable,
                        what: "de type term, terms, choice, reference ou references",
                        refused: "on ne compte que par un champ de type term, terms, choice, reference ou references")
                } else {
                    error(entry.keyPosition, "« stats » de la collection « \(id) » : « by » manquant", hint: "par exemple : \(example)")
                    valid = false
                }
                if let sum = map["sum"] {
                    let isNumber: (FieldType) -> Bool = { type in
                        switch type {
                        case .number, .price: return true
                        default: return false
                        }
                    }
                    let names = fieldNames(
                        sum, owner: "« stats » (sum)", example: "sum: homes", accepted: isNumber,
                        what: "de type number ou price", refused: "on n'additionne qu'un champ de type number ou price")
                    if names.count > 1, let second = positionedList(sum, owner: "« stats » (sum)", example: "sum: homes")?.dropFirst().first {
                        error(second.position, "« stats » (sum) : un seul champ à additionner", hint: "par exemple : sum: homes")
                        valid = false
                    }
                    spec.sum = names.first
                }
                result.stats = spec
            }
        }
        return valid
    }
}
