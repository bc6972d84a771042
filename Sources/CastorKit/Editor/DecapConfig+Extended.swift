import Yams

/// The editor's widgets of the `number`, `reference` and `references` fields: a number widget
/// with its bounds; a relation widget on the editor's collection of the target (its files
/// named by their slug, as `castor check` reads them).
extension DecapConfig {
    static func extendedField(_ spec: FieldSpec, collections: [CollectionSchema], pairs: [(String, Node)]) -> ([(String, Node)], String) {
        var pairs = pairs
        switch spec.type {
        case .number(let rule):
            pairs += [("widget", plain("number")), ("value_type", plain(rule.decimals == 0 ? "int" : "float"))]
            if let low = rule.min { pairs.append(("min", plain(NumberRule.show(low)))) }
            if let high = rule.max { pairs.append(("max", plain(NumberRule.show(high)))) }
            if let decimals = rule.decimals, decimals > 0 {
                pairs.append(("step", plain("0." + String(repeating: "0", count: decimals - 1) + "1")))
            }
            return (pairs, rule.frenchDescription)
        case .reference(let rule), .references(let rule):
            let many: Bool
            if case .references = spec.type { many = true } else { many = false }
            let target = collections.first { $0.id == rule.collection }
            // The editor's collection of the target: one per group in a grouped collection.
            var name: String?
            switch target?.layout {
            case .flat?: name = rule.collection
            case .grouped?: name = rule.group.map { "\(rule.collection)-\($0)" }
            case nil: name = nil
            }
            guard let name else {
                pairs.append(("widget", plain(many ? "list" : "string")))
                return (pairs, spec.type.frenchDescription)
            }
            pairs += [
                ("widget", plain("relation")), ("collection", plain(name)), ("search_fields", .sequence(.init([plain("title")]))),
                ("value_field", text("{{slug}}")), ("display_fields", .sequence(.init([plain("title")]))),
            ]
            if many { pairs.append(("multiple", plain("true"))) }
            let label = target?.label ?? rule.collection
            return (pairs, many ? "choisissez dans « \(label) » (plusieurs possibles)" : "choisissez dans « \(label) »")
        default:
            return (pairs, spec.type.frenchDescription)
        }
    }
}
