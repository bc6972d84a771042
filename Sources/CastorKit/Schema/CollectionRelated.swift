/// `related: {field: themes, limit: 5}`: each item's page shows up to `limit` items of the same
/// collection sharing the most values of `field` (a term or terms field), the first in listing
/// order among equals (`RelatedItems`).
public struct RelatedSpec: Sendable, Hashable {
    public let field: String
    public let limit: Int
    /// Only the first items of each value (in listing order) are compared: the work stays linear.
    public static let window = 60
}

extension CollectionDeclarations.Reader {
    /// Reads `related`; nil after reporting why it cannot be used.
    mutating func related(_ entry: YAMLTree.Entry, fields: [FieldSpec], collection id: String) -> RelatedSpec? {
        let example = "related: {field: themes, limit: 5}"
        let before = diagnostics.count
        let (map, _) = keyedValues(entry, known: ["field", "limit"], example: example, collection: id)
        guard let map else { return nil }
        var field: String?
        if let fieldEntry = map["field"], let name = fieldEntry.value.text, !fieldEntry.value.isEmpty {
            if let spec = fields.first(where: { $0.key == name }) {
                switch spec.type {
                case .term, .terms: field = name
                default:
                    error(fieldEntry.value.position, "« related » : « \(name) » est de type \(FieldDeclarations.typeName(spec.type)), pas une liste de valeurs",
                        hint: "« related » rapproche les contenus qui ont des valeurs en commun : choisissez un champ term ou terms")
                }
            } else {
                error(fieldEntry.value.position, "« related » : « \(name) » n'est pas un champ de « \(id) »"
                    + CollectionDeclarations.suggestion(name, among: fields.map(\.key)),
                    hint: "champs déclarés : " + fields.map(\.key).filter { $0 != "draft" }.joined(separator: ", "))
            }
        } else {
            error(map["field"]?.value.position ?? entry.keyPosition, "« related » de la collection « \(id) » : « field » manquant ou vide",
                hint: "par exemple : \(example)")
        }
        var limit = 5
        if let limitEntry = map["limit"] {
            if case .scalar(let text, .int, _) = limitEntry.value, let number = Int(text), number > 0 {
                limit = number
            } else {
                error(limitEntry.value.position, "« related » : « limit » doit être un nombre de contenus plus grand que 0", hint: "par exemple : limit: 5")
            }
        }
        guard diagnostics.count == before, let field else { return nil }
        return RelatedSpec(field: field, limit: limit)
    }
}
