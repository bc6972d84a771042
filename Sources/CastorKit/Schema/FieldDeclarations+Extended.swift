/// Reading the declaration keys of the `number`, `reference` and `references` field types.
extension FieldDeclarations {
    static let numberKeys = ["min", "max", "decimals"]
    static let referenceKeys = ["collection", "group", "backlinks", "inverse"]
    static let extendedKeys = numberKeys + referenceKeys
}

extension CollectionDeclarations {
    /// A `collection:` of a reference field, checked once every collection is read.
    struct ReferenceTarget {
        let owner: String
        /// The collection that declares the field.
        let source: String
        let collection: String
        let group: String?
        let position: SourcePosition
        let groupPosition: SourcePosition?
        let inverse: (name: String, position: SourcePosition)?
    }
}

extension CollectionDeclarations.Reader {
    /// `type: number`: `min`, `max` (numbers) and `decimals` (a whole number ≥ 0), all optional.
    mutating func numberType(_ values: [String: YAMLTree.Entry], owner: String) -> FieldType? {
        var rule = NumberRule()
        var valid = true
        for key in ["min", "max"] {
            guard let entry = values[key] else { continue }
            guard case .scalar(let text, let kind, _) = entry.value, kind == .int || kind == .float,
                let number = Double(text.replacingOccurrences(of: "_", with: "")), number.isFinite
            else {
                error(entry.value.position, "« \(key) » \(owner.replacingOccurrences(of: "le champ", with: "du champ")) doit être un nombre",
                    hint: "par exemple : \(key): \(key == "min" ? "0" : "100")")
                valid = false
                continue
            }
            if key == "min" { rule.min = number } else { rule.max = number }
        }
        if let entry = values["decimals"] {
            if case .scalar(let text, .int, _) = entry.value, let number = Int(text), number >= 0, number <= 10 {
                rule.decimals = number
            } else {
                error(entry.value.position, "« decimals » doit être un nombre entier de 0 à 10 (chiffres après le point)",
                    hint: "par exemple : decimals: 2 ; 0 pour un nombre entier")
                valid = false
            }
        }
        if let low = rule.min, let high = rule.max, low > high {
            error(values["max"]!.value.position, "« max » (\(NumberRule.show(high))) est plus petit que « min » (\(NumberRule.show(low)))",
                hint: "échangez les deux valeurs")
            valid = false
        }
        return valid ? .number(rule) : nil
    }

    /// `type: reference` / `references`: `collection` (required), `group`, `backlinks: {label}`.
    mutating func referenceType(
        _ values: [String: YAMLTree.Entry], owner: String, source: String, many: Bool, at position: SourcePosition
    ) -> FieldType? {
        let example = "collection: ressources"
        guard let entry = values["collection"] else {
            error(position, "\(owner) est de type \(many ? "references" : "reference") mais n'indique pas la collection visée (« collection »)",
                hint: "ajoutez par exemple « \(example) » (un identifiant de collections.yml)")
            return nil
        }
        guard let collection = entry.value.text, !entry.value.isEmpty else {
            error(entry.value.position, "« collection » \(owner.replacingOccurrences(of: "le champ", with: "du champ")) doit être un identifiant de collection",
                hint: "par exemple : \(example)")
            return nil
        }
        var group: String?
        if let groupEntry = values["group"] {
            guard let text = groupEntry.value.text, !groupEntry.value.isEmpty else {
                error(groupEntry.value.position, "« group » doit être une valeur de la liste des groupes de la collection visée",
                    hint: "par exemple : group: structures-juridiques")
                return nil
            }
            group = text
        }
        var backlinks: String?
        if let backlinksEntry = values["backlinks"] {
            let hint = "par exemple : backlinks: {label: Projets qui ont choisi cette structure}"
            guard case .map(let items, _) = backlinksEntry.value else {
                error(backlinksEntry.value.position, "« backlinks » s'écrit avec la clé « label »", hint: hint)
                return nil
            }
            let before = diagnostics.count
            unknownKeys(items, known: ["label"], context: "dans « backlinks » \(owner.replacingOccurrences(of: "le champ", with: "du champ"))")
            guard let label = items.first(where: { $0.key == "label" }), let text = label.value.text, !label.value.isEmpty,
                diagnostics.count == before
            else {
                if diagnostics.count == before {
                    error(backlinksEntry.value.position, "« backlinks » : « label » manquant ou vide", hint: hint)
                }
                return nil
            }
            backlinks = text
        }
        var inverse: (name: String, position: SourcePosition)?
        if let inverseEntry = values["inverse"] {
            guard let name = inverseEntry.value.text, !inverseEntry.value.isEmpty else {
                error(inverseEntry.value.position, "« inverse » doit être le nom d'un champ de la collection visée", hint: "par exemple : inverse: projects")
                return nil
            }
            inverse = (name, inverseEntry.value.position)
        }
        referenceTargets.append(
            .init(owner: owner, source: source, collection: collection, group: group, position: entry.value.position,
                groupPosition: values["group"]?.value.position, inverse: inverse))
        let rule = ReferenceRule(collection: collection, group: group, backlinks: backlinks, inverse: inverse?.name)
        return many ? .references(rule) : .reference(rule)
    }

    /// Keys of the number or reference types written on a field of another type.
    mutating func misplacedExtendedKeys(_ values: [String: YAMLTree.Entry], type: FieldType) {
        var isNumber = false
        if case .number = type { isNumber = true }
        for key in FieldDeclarations.numberKeys where values[key] != nil && !isNumber {
            error(values[key]!.keyPosition, "« \(key) » ne sert qu'aux champs de type number", hint: "retirez-le, ou écrivez « type: number »")
        }
        for key in FieldDeclarations.referenceKeys where values[key] != nil && type.reference == nil {
            error(values[key]!.keyPosition, "« \(key) » ne sert qu'aux champs de type reference ou references",
                hint: "retirez-le, ou écrivez « type: reference »")
        }
    }

    /// Every `collection:` names a declared collection; a `group:` needs a grouped one.
    mutating func checkReferenceTargets(declared: [String], valid: [CollectionSchema]) {
        for target in referenceTargets {
            guard declared.contains(target.collection) else {
                error(target.position, "\(target.owner) vise la collection « \(target.collection) », qui n'est pas déclarée"
                    + CollectionDeclarations.suggestion(target.collection, among: declared),
                    hint: "collections déclarées : " + declared.joined(separator: ", "))
                continue
            }
            guard let schema = valid.first(where: { $0.id == target.collection }) else { continue }
            if let group = target.group, case .flat = schema.layout {
                error(target.groupPosition ?? target.position, "« group: \(group) » : la collection « \(target.collection) » n'est pas rangée en groupes",
                    hint: "retirez « group »")
            }
            if let inverse = target.inverse {
                let candidates = schema.referenceFields.filter { $0.rule.collection == target.source }.map(\.spec.key)
                if !candidates.contains(inverse.name) {
                    error(inverse.position, "« inverse: \(inverse.name) » : « \(target.collection) » n'a pas de champ reference ou references « \(inverse.name) » qui vise « \(target.source) »",
                        hint: candidates.isEmpty
                            ? "déclarez dans « \(target.collection) » un champ de type references avec « collection: \(target.source) », ou retirez « inverse »"
                            : "champs possibles : " + candidates.joined(separator: ", "))
                }
            }
        }
        referenceTargets = []
    }
}
