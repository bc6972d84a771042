/// The `home:` section of `site.yml`: the home page as the entry point of the resource centre,
/// « De quoi avez-vous besoin ? » — links a volunteer writes to the pages that answer each
/// need — and the map of a collection declared with `map:`.
///
/// ```yaml
/// home:
///   needs:
///     - label: Créer la structure juridique du groupe
///       text: SCIC, SCI d'attribution, coopérative d'habitants : comparer et choisir.
///       url: regions/bretagne/
///   map: projets
/// ```
/// Each `url` is an address of the site without its domain; `castor build` checks it like
/// every link of every page (a missing page is an error).
public struct HomeSettings: Sendable {
    public struct Need: Sendable {
        public let label: String
        public let text: String
        public let url: String
    }

    public var needs: [Need] = []
    /// The collection whose map the home page shows, with where it is written.
    public var map: (collection: String, position: SourcePosition)?

    static let knownKeys = ["needs", "map"]
    static let needKeys = ["label", "text", "url"]

    /// Reads the section; every problem is reported with its position.
    static func load(_ tree: YAMLTree, file: String) -> (HomeSettings?, [Diagnostic]) {
        let example = "par exemple :\n    home:\n      needs:\n        - label: Trouver un terrain\n          url: annonces/categories/terrain/"
        guard case .map(let entries, _) = tree else {
            return (nil, [.error(file, tree.position, "« home » doit contenir des champs « nom: valeur »", hint: example)])
        }
        var diagnostics: [Diagnostic] = []
        for entry in entries where !knownKeys.contains(entry.key) {
            diagnostics.append(
                .error(file, entry.keyPosition, "champ inconnu « \(entry.key) » dans « home »",
                    hint: "champs reconnus : " + knownKeys.joined(separator: ", ")))
        }
        var settings = HomeSettings()
        if let value = tree["needs"], !value.isNull {
            if case .list(let items, _) = value {
                for item in items {
                    if let need = readNeed(item, file: file, diagnostics: &diagnostics) { settings.needs.append(need) }
                }
            } else {
                diagnostics.append(.error(file, value.position, "« needs » de « home » doit être une liste de besoins", hint: example))
            }
        }
        if let value = tree["map"], !value.isNull {
            if let id = value.text, case .scalar = value, !id.isEmpty {
                settings.map = (id, value.position)
            } else {
                diagnostics.append(
                    .error(file, value.position, "« map » de « home » doit être l'identifiant d'une collection",
                        hint: "une collection de collections.yml déclarée avec « map: », par exemple : map: projets"))
            }
        }
        return (diagnostics.contains { $0.severity == .error } ? nil : settings, diagnostics)
    }

    private static func readNeed(_ item: YAMLTree, file: String, diagnostics: inout [Diagnostic]) -> Need? {
        guard case .map(let entries, _) = item else {
            diagnostics.append(
                .error(file, item.position, "chaque besoin de « home » s'écrit avec « label » et « url »",
                    hint: "par exemple :\n        - label: Trouver un terrain\n          url: annonces/categories/terrain/"))
            return nil
        }
        var valid = true
        for entry in entries where !needKeys.contains(entry.key) {
            diagnostics.append(
                .error(file, entry.keyPosition, "champ inconnu « \(entry.key) » dans un besoin de « home »",
                    hint: "champs reconnus : " + needKeys.joined(separator: ", ")))
            valid = false
        }
        func text(_ key: String, required: Bool) -> String? {
            guard let value = item[key], !value.isNull else {
                if required {
                    diagnostics.append(.error(file, item.position, "un besoin de « home » n'a pas de « \(key) »",
                        hint: key == "url" ? "l'adresse de la page, sans le domaine : url: regions/bretagne/" : "le texte du lien : label: Trouver un terrain"))
                    valid = false
                }
                return nil
            }
            guard let string = value.text?.trimmingCharacters(in: .whitespaces), !string.isEmpty, case .scalar = value else {
                diagnostics.append(.error(file, value.position, "« \(key) » d'un besoin de « home » doit être un texte"))
                valid = false
                return nil
            }
            return string
        }
        let label = text("label", required: true)
        let description = text("text", required: false) ?? ""
        let url = text("url", required: true)
        if let url, let position = item["url"]?.position, url.hasPrefix("/") || url.contains("://") || url.hasPrefix("..") {
            diagnostics.append(
                .error(file, position, "« url » d'un besoin de « home » est une adresse de ce site, sans domaine ni « / » au début : « \(url) »",
                    hint: "par exemple : url: annonces/categories/terrain/"))
            valid = false
        }
        guard valid, let label, let url else { return nil }
        return Need(label: label, text: description, url: url)
    }
}
