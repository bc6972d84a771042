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
        func regionName(_ slug: String, fallback: String) -> String {
            config.vocabulary(regionList)[slug] ?? fallback
        }
        var problems: [Diagnostic] = []
        for code in codes {
            guard let departement = departements.departement(code), !regions.contains(departement.region) else { continue }
            let shown = vocabulary.flatMap { config.vocabulary($0)[code] } ?? "\(departement.name) (\(code.uppercased()))"
            let named = regions.map { regionName($0, fallback: $0) }.joined(separator: ", ")
            let home = regionName(departement.region, fallback: departement.name)
            let message: String
            let hint: String
            if config.vocabulary(regionList)[departement.region] != nil {
                message = "« \(field) » : \(shown) est en \(home), pas en \(named) (« \(container) »)"
                hint = "corrigez « \(container) » (\(departement.region)) ou « \(field) »"
                    + (regions.count > 1 ? ", ou ajoutez \(departement.region) à « \(container) »" : "")
            } else {
                message = "« \(field) » : \(shown) n'est dans aucune région de la liste « \(regionList) » (« \(container) » : \(named))"
                hint = "vérifiez le numéro du département ; la liste « \(regionList) » de site.yml ne compte que les régions de métropole"
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
