/// The rule `{field: departement, within: region}` of a collection (issue 13, « a département
/// that does not match the region »): each département the item names must be in one of the
/// régions it names. `field` is a term or terms field whose values are INSEE codes of
/// départements (`69`, `2a`); `within` a term or terms field on the `regions` list of site.yml.
/// Which région a département is in comes from templates/data/france-departements.json
/// (`FranceDepartements`); the check is `Validator.withinProblems`.
extension CollectionDeclarations.Reader {
    /// Reads one `within` rule; nil when it is wrong (reported).
    mutating func withinRule(
        _ entries: [YAMLTree.Entry], at position: SourcePosition, fields: [FieldSpec], declared: [String], collection: String
    ) -> FieldRule? {
        let example = "{field: departement, within: region}"
        let before = diagnostics.count
        unknownKeys(entries, known: ["field", "within"], context: "dans une règle de « \(collection) »")
        var names: [String] = []
        for key in ["field", "within"] {
            guard let entry = entries.first(where: { $0.key == key }), let name = entry.value.text, !entry.value.isNull else {
                error(position, "la règle n'a pas de « \(key) »", hint: "une règle « within » s'écrit \(example)")
                continue
            }
            guard let spec = fields.first(where: { $0.key == name }) else {
                // A declared field missing from `fields` is invalid and already reported.
                if !declared.contains(name) {
                    error(entry.value.position, "la règle nomme « \(name) », qui n'est pas un champ de « \(collection) »"
                        + CollectionDeclarations.suggestion(name, among: declared),
                        hint: "champs déclarés : " + declared.joined(separator: ", "))
                }
                continue
            }
            switch (key, spec.type) {
            case ("field", .term), ("field", .terms):
                names.append(name)
            case ("within", .term(let vocabulary)) where vocabulary == CollectionMap.vocabulary,
                ("within", .terms(let vocabulary)) where vocabulary == CollectionMap.vocabulary:
                names.append(name)
            case ("field", _):
                error(entry.value.position, "la règle « within » : « \(name) » est de type \(FieldDeclarations.typeName(spec.type)) ; il faut un champ term ou terms dont les valeurs sont des numéros de département",
                    hint: "par exemple : \(example), avec « departement » déclaré « vocabulary: departements »")
            default:
                error(entry.value.position, "la règle « within » : « \(name) » doit être un champ term ou terms sur la liste « \(CollectionMap.vocabulary) »",
                    hint: "par exemple : \(example), avec « region » déclaré « vocabulary: \(CollectionMap.vocabulary) »")
            }
        }
        guard names.count == 2, diagnostics.count == before else { return nil }
        return .within(field: names[0], container: names[1], position: position)
    }
}
