import Foundation

/// The départements of France (`templates/data/france-departements.json`, made by
/// scripts/derive-france-map.py from IGN Admin Express COG 2018, Licence Ouverte): for each,
/// its INSEE code as the site's lists write it (`69`, `2a`), its name, the slug of its région
/// and, for the 96 of metropolitan France, its outline in the viewBox of
/// `FranceMapData` (two decimals). Read by the rule `{field: …, within: …}` (which région a
/// département is in) and by the région pages of a collection with `map:` (the outlines).
public struct FranceDepartements: Sendable, Decodable {
    public struct Departement: Sendable, Decodable {
        /// INSEE code, lower case (`2a`): a value of the site's département list.
        public let code: String
        public let name: String
        /// The slug of its région's name (`auvergne-rhone-alpes`), as in the `regions` list.
        public let region: String
        /// Its région's name (`Auvergne-Rhône-Alpes`), for the messages.
        public let regionName: String
        /// SVG path in the map's viewBox; empty for the overseas départements.
        public let path: String
    }

    public let attribution: String
    public let departements: [Departement]
    private let byCode: [String: Int]

    enum CodingKeys: String, CodingKey { case attribution, departements }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        attribution = try container.decode(String.self, forKey: .attribution)
        departements = try container.decode([Departement].self, forKey: .departements)
        var index: [String: Int] = [:]
        for (position, departement) in departements.enumerated() { index[departement.code] = position }
        byCode = index
    }

    /// Where the data file is, under the templates folder.
    public static let file = "data/france-departements.json"

    /// The département of a code (`69`, `2A` or `2a`).
    public func departement(_ code: String) -> Departement? {
        byCode[code.lowercased()].map { departements[$0] }
    }

    /// The départements of one région, with an outline, in code order.
    public func outlines(of region: String) -> [Departement] {
        departements.filter { $0.region == region && !$0.path.isEmpty }
    }

    static func decode(_ data: Data) throws -> FranceDepartements {
        try JSONDecoder().decode(FranceDepartements.self, from: data)
    }

    /// Reads the data file when a collection has a `within` rule or a map. Without it, each
    /// `within` rule is an error at its place in collections.yml (`declarationsFile`); a map
    /// alone simply draws no département.
    public static func load(templates: String, collections: [CollectionSchema], declarationsFile: String) -> (FranceDepartements?, [Diagnostic]) {
        let rules = collections.flatMap { schema in
            schema.rules.compactMap { rule -> (String, SourcePosition)? in
                if case .within(_, _, let position) = rule { return (schema.id, position) }
                return nil
            }
        }
        guard !rules.isEmpty || collections.contains(where: { $0.publishing.map != nil }) else { return (nil, []) }
        let path = templates + "/" + file
        func problem(_ reason: String) -> (FranceDepartements?, [Diagnostic]) {
            (nil, rules.map { id, position in
                .error(declarationsFile, position, "la règle « within » de « \(id) » : le fichier des départements \(path) est \(reason)",
                    hint: "remettez le fichier \(path) du dépôt de Castor, ou refaites-le avec scripts/derive-france-map.py (docs/gabarits.md, « La carte des régions »)")
            })
        }
        guard FileIO.exists(path), !FileIO.isDirectory(path) else { return problem("introuvable") }
        do {
            return (try decode(Data(FileIO.read(path))), [])
        } catch {
            return problem("illisible (\(error))")
        }
    }
}
