/// `stale: {field, after_days, message}`: an item whose date `field` is more than `after_days`
/// days before today is a `castor check` warning (`StaleItems`), with `message` (French).
public struct StaleRule: Sendable, Hashable {
    public let field: String
    public let afterDays: Int
    public let message: String?
}

extension CollectionDeclarations.Reader {
    /// Reads `stale`; nil after reporting why it cannot be used.
    mutating func staleRule(_ entry: YAMLTree.Entry, fields: [FieldSpec], collection id: String) -> StaleRule? {
        let example = "stale: {field: verified, after_days: 730, message: informations à vérifier auprès du projet}"
        guard case .map(let entries, _) = entry.value else {
            error(entry.value.position, "« stale » de la collection « \(id) » s'écrit avec des clés", hint: "par exemple : \(example)")
            return nil
        }
        let before = diagnostics.count
        unknownKeys(entries, known: ["field", "after_days", "message"], context: "dans « stale » de la collection « \(id) »")
        let values = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var field: String?
        if let fieldEntry = values["field"], let name = fieldEntry.value.text, !fieldEntry.value.isEmpty {
            if let spec = fields.first(where: { $0.key == name }) {
                switch spec.type {
                case .date, .dateOrDateTime: field = name
                default:
                    error(fieldEntry.value.position, "« stale » : « \(name) » est de type \(FieldDeclarations.typeName(spec.type)), pas une date",
                        hint: "« stale » compare une date à celle du jour : choisissez un champ date")
                }
            } else {
                error(fieldEntry.value.position, "« stale » : « \(name) » n'est pas un champ de « \(id) »"
                    + CollectionDeclarations.suggestion(name, among: fields.map(\.key)),
                    hint: "champs déclarés : " + fields.map(\.key).filter { $0 != "draft" }.joined(separator: ", "))
            }
        } else {
            error(values["field"]?.value.position ?? entry.keyPosition, "« stale » de la collection « \(id) » : « field » manquant ou vide", hint: "par exemple : \(example)")
        }
        var days: Int?
        if let daysEntry = values["after_days"], case .scalar(let text, .int, _) = daysEntry.value, let number = Int(text), number > 0 {
            days = number
        } else {
            error(values["after_days"]?.value.position ?? entry.keyPosition, "« stale » : « after_days » doit être un nombre de jours plus grand que 0",
                hint: "par exemple : after_days: 730 (deux ans)")
        }
        var message: String?
        if let messageEntry = values["message"] {
            if let text = messageEntry.value.text, !messageEntry.value.isEmpty {
                message = text
            } else {
                error(messageEntry.value.position, "« stale » : « message » doit être un texte", hint: "par exemple : message: informations à vérifier auprès du projet")
            }
        }
        guard diagnostics.count == before, let field, let days else { return nil }
        return StaleRule(field: field, afterDays: days, message: message)
    }
}
