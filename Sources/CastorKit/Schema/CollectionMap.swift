/// `map: {field, latitude, longitude}` of a declared collection (issue 13): its listing page
/// shows the map of France's regions (`Render/FranceMap.swift`), each region a link to the
/// listing of its value of `field`, and the items with coordinates as markers.
public struct CollectionMap: Sendable, Hashable {
    /// A `term` / `terms` field on the `regions` list of site.yml, listed in `listings`.
    public let field: String
    /// Fields holding the coordinates (decimal degrees, at most two decimals), both or neither.
    public let latitude: String?
    public let longitude: String?
    /// Where `map:` is written in collections.yml, for the problems found later (data file).
    public let position: SourcePosition

    /// The list of site.yml whose values the map draws: its slugs are the regions' names'
    /// slugs (`ile-de-france`), as in templates/data/france-regions.json.
    public static let vocabulary = "regions"
    static let keys = ["field", "latitude", "longitude"]
    /// The decimals allowed in a coordinate: 0.01° is about 1 km, so no home address is published.
    public static let decimals = 2
    /// Metropolitan France with Corsica, in decimal degrees.
    public static let latitudes = 41.0...51.5
    public static let longitudes = -5.5...10.0
}

extension CollectionDeclarations.Reader {
    /// Reads `map:` of one declaration (nil when absent); `valid` is false when it is wrong (reported).
    mutating func map(
        _ values: [String: YAMLTree.Entry], fields: [FieldSpec], listings: [(vocabulary: String, field: String)],
        collection id: String, valid: inout Bool
    ) -> CollectionMap? {
        guard let entry = values["map"] else { return nil }
        let example = "map: {field: region, latitude: latitude, longitude: longitude}"
        guard case .map(let entries, _) = entry.value else {
            error(entry.value.position, "« map » de la collection « \(id) » s'écrit avec des clés", hint: "par exemple : \(example)")
            valid = false
            return nil
        }
        let before = diagnostics.count
        unknownKeys(entries, known: CollectionMap.keys, context: "dans « map » de la collection « \(id) »")
        var ok = diagnostics.count == before
        let declared = fields.map(\.key).filter { $0 != "draft" }
        func named(_ key: String) -> (name: String, entry: YAMLTree.Entry)? {
            guard let sub = entries.first(where: { $0.key == key }) else { return nil }
            guard let name = sub.value.text, !sub.value.isNull, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                error(sub.value.position, "« map » de la collection « \(id) » : « \(key) » doit être le nom d'un champ", hint: "par exemple : \(example)")
                ok = false
                return nil
            }
            guard fields.contains(where: { $0.key == name }), name != "draft" else {
                error(sub.value.position, "« map » : « \(name) » n'est pas un champ de « \(id) »"
                    + CollectionDeclarations.suggestion(name, among: declared), hint: "champs déclarés : " + declared.joined(separator: ", "))
                ok = false
                return nil
            }
            return (name, sub)
        }
        var field: String?
        if let (name, sub) = named("field") {
            let spec = fields.first { $0.key == name }!
            switch spec.type {
            case .term(let vocabulary) where vocabulary == CollectionMap.vocabulary, .terms(let vocabulary) where vocabulary == CollectionMap.vocabulary:
                if listings.contains(where: { $0.field == name }) {
                    field = name
                } else {
                    error(sub.value.position, "« map » : les régions de la carte renvoient aux pages par région, mais « \(CollectionMap.vocabulary) » n'est pas dans « listings » de « \(id) »",
                        hint: "ajoutez \(CollectionMap.vocabulary) à listings, par exemple : listings: [\(CollectionMap.vocabulary)]")
                    ok = false
                }
            default:
                error(sub.value.position, "« map » : le champ « \(name) » doit être de type term ou terms sur la liste « \(CollectionMap.vocabulary) » (il attend \(spec.type.frenchDescription))",
                    hint: "la carte dessine les régions de site.yml : choisissez un champ déclaré avec « vocabulary: \(CollectionMap.vocabulary) »")
                ok = false
            }
        } else if !entries.contains(where: { $0.key == "field" }) {
            error(entry.keyPosition, "« map » de la collection « \(id) » : « field » manquant", hint: "par exemple : \(example)")
            ok = false
        }
        var coordinates: [String: String] = [:]
        for key in ["latitude", "longitude"] {
            guard let (name, sub) = named(key) else { continue }
            let type = fields.first { $0.key == name }!.type
            if CollectionMap.canHoldNumber(type) {
                coordinates[key] = name
            } else {
                error(sub.value.position, "« map » : le champ « \(name) » ne peut pas contenir une \(key) (il attend \(type.frenchDescription))",
                    hint: "déclarez-le comme un nombre (ou un texte), par exemple « \(key): {type: text, label: \(key == "latitude" ? "Latitude" : "Longitude")} »")
                ok = false
            }
        }
        let hasLatitude = entries.contains { $0.key == "latitude" }
        let hasLongitude = entries.contains { $0.key == "longitude" }
        if hasLatitude != hasLongitude {
            error(entry.keyPosition, "« map » de la collection « \(id) » : « latitude » et « longitude » vont ensemble",
                hint: "écrivez les deux, ou aucun : \(example)")
            ok = false
        }
        guard ok, let field else {
            valid = false
            return nil
        }
        return CollectionMap(field: field, latitude: coordinates["latitude"], longitude: coordinates["longitude"], position: entry.keyPosition)
    }
}

extension CollectionMap {
    /// Whether a field of this type can hold a coordinate: a number or a text (`48.11`).
    static func canHoldNumber(_ type: FieldType) -> Bool {
        switch type {
        case .number, .text: return true
        // `price` (≥ 0, euros) cannot hold a western longitude.
        case .date, .dateOrDateTime, .bool, .url, .contact, .price, .term, .terms, .textList, .choice, .attachments, .reference,
            .references:
            return false
        }
    }

    /// A coordinate as written: a YAML number, or a text holding one (`48.11`); nil otherwise.
    public static func number(_ value: FieldValue?) -> Double? {
        switch value {
        case .number(let number)?: return number
        case .text(let text)?: return Double(text.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
        default: return nil
        }
    }
}
