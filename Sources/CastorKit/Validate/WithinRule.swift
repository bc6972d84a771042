/// The check of a rule `{field: departement, within: region}` (`CollectionWithinRule.swift`):
/// every département an item names must be in one of the régions it names. Codes the
/// départements' data does not know are left alone (the list's own check names unknown
/// values); an item without a région is not compared.
extension Validator {
    func withinProblems(
        field: String, container: String, fields: [String: FieldValue], positions: [String: SourcePosition],
        schema: CollectionSchema, file: String
    ) -> [Diagnostic] {
        guard let departements, let codes = Validator.slugs(fields[field]), let regions = Validator.slugs(fields[container]),
            !regions.isEmpty
        else { return [] }
        let vocabulary: String? = {
            switch schema.field(field)?.type {
            case .term(let name)?, .terms(let name)?: return name
            default: return nil
            }
        }()
        let regionList = CollectionMap.vocabulary
        var problems: [Diagnostic] = []
        for code in codes {
            guard let departement = departements.departement(code), !regions.contains(departement.region) else { continue }
            let shown = vocabulary.flatMap { config.vocabulary($0)[code] } ?? "\(departement.name) (\(code.uppercased()))"
            let named = regions.map { config.vocabulary(regionList)[$0] ?? $0 }.joined(separator: ", ")
            let message: String
            let hint: String
            if let home = config.vocabulary(regionList)[departement.region] {
                message = "« \(field) » : \(shown) est dans la région \(home), pas dans « \(named) » (champ « \(container) »)"
                hint = "corrigez « \(container) » (\(departement.region)) ou « \(field) »"
                    + (regions.count > 1 ? ", ou ajoutez \(departement.region) à « \(container) »" : "")
            } else {
                message = "« \(field) » : \(shown) est dans la région \(departement.regionName), absente de la liste « \(regionList) » de site.yml (champ « \(container) » : « \(named) »)"
                hint = "vérifiez le numéro du département, ou ajoutez « \(departement.region): \(departement.regionName) » à la liste « \(regionList) » de site.yml"
            }
            problems.append(.error(file, positions[field] ?? SourcePosition(line: 1, column: 1), message, hint: hint))
        }
        return problems
    }

    /// The slugs of a term or terms value.
    static func slugs(_ value: FieldValue?) -> [String]? {
        switch value {
        case .text(let slug)?: return [slug]
        case .list(let slugs)?: return slugs
        default: return nil
        }
    }
}
