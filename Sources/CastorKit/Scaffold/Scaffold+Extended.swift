/// What `castor new` writes for the `number`, `reference` and `references` fields.
extension Scaffold {
    static func extendedLines(_ field: FieldSpec) -> [String] {
        let key = field.key
        let label = field.label.lowercased()
        switch field.type {
        case .number(let rule):
            let value = field.example ?? rule.min.map(NumberRule.show) ?? "0"
            if field.required { return ["\(key): \(value)  # obligatoire : \(rule.frenchDescription)"] }
            return ["# \(key): \(value)  # facultatif (\(label)) : \(rule.frenchDescription)"]
        case .reference(let rule):
            let what = "nom d'un fichier de « \(rule.collection) »\(rule.group.map { "/\($0)" } ?? "") sans .md"
            if field.required { return ["\(key): \(field.example ?? Slug.make(placeholder))  # obligatoire : \(what)"] }
            return ["# \(key): \(field.example ?? "…")  # facultatif (\(label)) : \(what)"]
        case .references(let rule):
            let what = "noms de fichiers de « \(rule.collection) »\(rule.group.map { "/\($0)" } ?? "") sans .md"
            if field.required { return ["\(key): [\(field.example ?? Slug.make(placeholder))]  # obligatoire : \(what)"] }
            return ["\(key): []  # facultatif (\(label)) : \(what)" + (field.example.map { ", par exemple [\($0)]" } ?? "")]
        default:
            return []
        }
    }
}
