/// The site-wide pages of a vocabulary of site.yml (`themes/`, `regions/`), declared at the top
/// of collections.yml under `site_listings:`: an index of its values at `<vocabulary>/` and a
/// listing per value at `<vocabulary>/<value>/`, showing the items of every collection that
/// names the vocabulary in its own `site_listings` (`SitePlan.siteListingJobs`). Their texts are
/// the declaration's; `{valeur}` stands for the value's label.
public struct SiteListingPage: Sendable, Hashable {
    /// The list of site.yml (`themes`), also the pages' folder.
    public let vocabulary: String
    /// The index's title and sentence (« Thèmes »).
    public let title: String
    public let intro: String
    /// A value's page: title and sentence (« Thème : {valeur} »), and what it says without items.
    public let valueTitle: String
    public let valueIntro: String
    public let empty: String
    /// `navigation: true`: an entry in the main menu, after the collections'.
    public let navigation: Bool

    /// The root-relative address of the index (`themes/`).
    public var url: String { vocabulary + "/" }

    /// A text of the declaration with the value's label in place of `{valeur}`.
    public static func filled(_ text: String, label: String) -> String {
        text.replacingOccurrences(of: "{valeur}", with: label)
    }
}

extension CollectionDeclarations.Reader {
    static let siteListingKeys = ["title", "intro", "value_title", "value_intro", "empty", "navigation"]

    /// Reads the top-level `site_listings:` block.
    mutating func siteListingPages(_ entry: YAMLTree.Entry) -> [SiteListingPage] {
        let example = "site_listings:\n  themes:\n    title: Thèmes\n    value_title: \"Thème : {valeur}\""
        guard case .map(let declared, _) = entry.value else {
            error(entry.value.position, "« site_listings » associe une liste de site.yml à ses pages communes", hint: "par exemple :\n\(example)")
            return []
        }
        var pages: [SiteListingPage] = []
        for page in declared {
            let name = page.key
            if let vocabularies, !vocabularies.contains(name) {
                error(page.keyPosition, "« site_listings » : la liste « \(name) » n'existe pas dans site.yml"
                    + (Validator.nearest(name, in: vocabularies.sorted()).map { " : vouliez-vous écrire « \($0) » ?" } ?? ""),
                    hint: "chaque clé de « site_listings » est une liste de site.yml (themes, regions…)")
                continue
            }
            guard Slug.make(name) == name else {
                error(page.keyPosition, "« site_listings » : « \(name) » ne peut pas servir d'adresse", hint: "minuscules sans accent, chiffres et tirets")
                continue
            }
            guard case .map(let keys, _) = page.value else {
                error(page.value.position, "« site_listings » : « \(name) » s'écrit avec des clés", hint: "par exemple :\n\(example)")
                continue
            }
            let before = diagnostics.count
            unknownKeys(keys, known: Self.siteListingKeys, context: "dans « \(name) » de « site_listings »")
            let values = Dictionary(keys.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            func text(_ key: String, required: Bool) -> String? {
                guard let value = values[key] else {
                    if required {
                        error(page.keyPosition, "« site_listings » : « \(key) » manquant pour « \(name) »", hint: "par exemple :\n\(example)")
                    }
                    return nil
                }
                guard let text = value.value.text, !value.value.isNull, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    error(value.value.position, "« site_listings » : « \(key) » de « \(name) » doit être un texte", hint: "par exemple :\n\(example)")
                    return nil
                }
                return text
            }
            let title = text("title", required: true)
            let valueTitle = text("value_title", required: true)
            let intro = text("intro", required: false)
            let valueIntro = text("value_intro", required: false)
            let empty = text("empty", required: false)
            var navigation = false
            if let flag = values["navigation"] {
                if let value = flag.value.bool { navigation = value } else {
                    error(flag.value.position, "« site_listings » : « navigation » de « \(name) » doit valoir true ou false")
                }
            }
            guard diagnostics.count == before, let title, let valueTitle else { continue }
            pages.append(
                SiteListingPage(
                    vocabulary: name, title: title, intro: intro ?? "", valueTitle: valueTitle, valueIntro: valueIntro ?? "",
                    empty: empty ?? "Rien à afficher pour le moment.", navigation: navigation))
        }
        return pages
    }

    /// Each collection's `site_listings` names a vocabulary with site-wide pages.
    mutating func checkSiteListingUses() {
        let declared = siteListings.map(\.vocabulary)
        for use in siteListingUses where !declared.contains(use.vocabulary) {
            error(use.position, "« site_listings » de la collection « \(use.collection) » : la liste « \(use.vocabulary) » n'a pas de pages communes"
                + CollectionDeclarations.suggestion(use.vocabulary, among: declared),
                hint: "déclarez-les en tête du fichier, sous « site_listings: » (title, value_title…), ou retirez « \(use.vocabulary) »")
        }
    }
}
