import Collections

/// `content/site.yml`: the site's identity and its controlled vocabularies.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// The search page's description (`search_description`), else the site's.
    public var searchDescription: String?
    /// Always ends with `/`.
    public var baseURL: String
    public var language: String
    public var timezone: String
    /// Vocabulary name (`themes`) → slug → French label, in the order of the file.
    public var vocabularies: [String: OrderedDictionary<String, String>]
    /// How long an ad without `expires` stays published (`ad_default_lifetime_days`, 90 by default).
    /// The static pages linked from every page's footer, in order (`footer_pages`, slugs of
    /// `content/pages/`); `nil` when site.yml does not say: then every published page, by name.
    public var footerPages: [(slug: String, position: SourcePosition)]?
    /// The web editor installed at `admin/` by `castor build` (`editor:`); nil without one.
    public var editor: EditorSettings?
    /// The home page's needs and map (`home:`, `HomeSettings`); nil without the section.
    public var home: HomeSettings?

    public static let vocabularyKeys = ["themes", "regions"]
    static let knownKeys: Set<String> = Set(
        ["title", "description", "search_description", "base_url", "language", "timezone", "ad_default_lifetime_days", "footer_pages", "editor", "home"]
            + vocabularyKeys)

    public init(
        title: String, description: String = "", baseURL: String, language: String = "fr",
        timezone: String = "Europe/Paris", vocabularies: [String: OrderedDictionary<String, String>]
    ) {
        self.title = title
        self.description = description
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        self.language = language
        self.timezone = timezone
        self.vocabularies = vocabularies
    }

    public func vocabulary(_ name: String) -> OrderedDictionary<String, String> {
        vocabularies[name] ?? [:]
    }

    public func label(_ vocabulary: String, _ slug: String) -> String {
        vocabularies[vocabulary]?[slug] ?? slug
    }

    /// The path part of the base URL (`/reseau/ressources/`), used where a page cannot be
    /// reached relatively (the 404 page is served from any address).
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterScheme = baseURL[schemeEnd.upperBound...]
        guard let slash = afterScheme.firstIndex(of: "/") else { return "/" }
        return String(afterScheme[slash...])
    }

    /// The host name of the base URL, without port or user (`ressources.example.org`).
    public var host: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "localhost" }
        var authority = baseURL[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[...close]).lowercased()
        }
        return String(authority.prefix { $0 != ":" }).lowercased()
    }

    static func normalizedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }

    /// Whether `url` is an absolute http(s) address with a host.
    static func isWebAddress(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        let rest = url.drop(while: { $0 != ":" }).dropFirst(3)
        guard let host = rest.split(separator: "/", maxSplits: 1).first, !host.isEmpty else { return false }
        return !url.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline })
    }

    /// Why `url` cannot be the site's public address, in French, or nil when it can: an
    /// absolute http(s) address with a host, without user or password, query or fragment,
    /// spaces or invisible characters. Every page, feed and script is built from it.
    public static func baseURLProblem(_ url: String) -> String? {
        if url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            return "elle contient un espace, un retour à la ligne ou un caractère invisible"
        }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return "elle doit commencer par https:// (ou http://)"
        }
        if !url.unicodeScalars.allSatisfy({ $0.isASCII }) {
            return "elle contient des lettres accentuées ou des caractères spéciaux ; écrivez-les sous leur forme codée (%C3%A9 pour é, nom de domaine en xn--…)"
        }
        if let bad = url.first(where: { "\"<>\\^`{|}".contains($0) }) {
            return "elle contient le caractère « \(bad) », interdit dans une adresse"
        }
        guard let parts = URLComponents(string: url), let host = parts.host, !host.isEmpty else {
            return "ce n'est pas une adresse web bien formée (nom de domaine manquant ou illisible)"
        }
        let authority = url.dropFirst(lower.hasPrefix("https://") ? 8 : 7).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if parts.user != nil || parts.password != nil || authority.contains("@") {
            return "elle ne doit contenir ni identifiant ni mot de passe (partie avant « @ »)"
        }
        if url.contains("?") || url.contains("#") {
            return "elle ne doit contenir ni « ? » ni « # » : seulement le nom de domaine et le dossier du site"
        }
        if let port = parts.port, !(1...65535).contains(port) {
            return "son numéro de port est invalide"
        }
        return nil
    }

    /// The error for a bad `--base-url`; the address is shown with its invisible characters visible.
    public static func baseURLOptionError(_ url: String, _ problem: String) -> Diagnostic {
        let shown = url.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                ? "\\u{" + String(scalar.value, radix: 16) + "}" : String(scalar)
        }.joined()
        return .error("--base-url", .unknown, "adresse invalide : « \(shown) » : \(problem)", hint: "par exemple https://exemple.org/ressources/")
    }

    /// Reads and checks `site.yml`; every problem is reported, the first bad one does not stop the rest.
    public static func load(yaml text: String, file: String) -> (SiteConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let tree: YAMLTree?
        do {
            tree = try YAMLReader.read(text, lineOffset: 0)
        } catch {
            return (nil, [.error(file, error.position, error.message, hint: error.hint)])
        }
        guard let tree, case .map(let entries, _) = tree else {
            return (nil, [.error(file, SourcePosition(line: 1, column: 1), "site.yml doit contenir des champs « nom: valeur »")])
        }
        // Other lists (a map of slug → label at the top level) are vocabularies a collection may use.
        let otherLists = entries.filter { entry in
            guard !knownKeys.contains(entry.key), case .map = entry.value else { return false }
            return true
        }.map(\.key)
        for entry in entries where !knownKeys.contains(entry.key) && !otherLists.contains(entry.key) {
            diagnostics.append(
                .warning(
                    file, entry.keyPosition, "champ inconnu « \(entry.key) » : il est ignoré",
                    hint: "champs reconnus : " + knownKeys.sorted().joined(separator: ", ")))
        }
        func stringField(_ key: String, required: Bool) -> String? {
            guard let value = tree[key], !value.isNull else {
                if required {
                    diagnostics.append(.error(file, SourcePosition(line: 1, column: 1), "champ obligatoire manquant : « \(key) »"))
                }
                return nil
            }
            guard let string = value.text, !string.trimmingCharacters(in: .whitespaces).isEmpty else {
                diagnostics.append(.error(file, value.position, "« \(key) » doit être un texte"))
                return nil
            }
            return string
        }
        let title = stringField("title", required: true)
        let description = stringField("description", required: false) ?? ""
        let searchDescription = stringField("search_description", required: false)
        let baseURL = stringField("base_url", required: true)
        if let baseURL, let problem = baseURLProblem(baseURL) {
            diagnostics.append(
                .error(file, tree["base_url"]!.position, "« base_url » n'est pas une adresse web utilisable : \(problem)",
                    hint: "écrivez l'adresse publique complète du site, par exemple https://ressources.exemple.org/"))
        }
        let language = stringField("language", required: false) ?? "fr"
        let timezone = stringField("timezone", required: false) ?? "Europe/Paris"
        if timezone != "Europe/Paris" {
            diagnostics.append(
                .error(file, tree["timezone"]!.position, "fuseau horaire non pris en charge : « \(timezone) »",
                    hint: "Castor connaît Europe/Paris"))
        }
        if let value = tree["ad_default_lifetime_days"] {
            // The default lifetime is part of the collection's declaration now.
            diagnostics.append(
                .error(file, value.position, "« ad_default_lifetime_days » ne se règle plus dans site.yml",
                    hint: "écrivez la durée dans collections.yml, dans « lifecycle » de la collection : default_days: 90"))
        }
        var footerPages: [(slug: String, position: SourcePosition)]?
        if let value = tree["footer_pages"], !value.isNull {
            if case .list(let items, _) = value {
                footerPages = []
                for item in items {
                    if let slug = item.text, case .scalar = item, !slug.isEmpty {
                        footerPages?.append((slug, item.position))
                    } else {
                        diagnostics.append(
                            .error(file, item.position, "« footer_pages » : chaque valeur doit être le nom d'une page",
                                hint: "le nom du fichier de content/pages sans « .md », par exemple :   - a-propos"))
                    }
                }
            } else {
                diagnostics.append(
                    .error(file, value.position, "« footer_pages » doit être une liste de pages",
                        hint: "les noms des fichiers de content/pages sans « .md », par exemple : footer_pages: [a-propos, mentions-legales]"))
            }
        }
        var vocabularies: [String: OrderedDictionary<String, String>] = [:]
        for name in vocabularyKeys + otherLists {
            guard let value = tree[name] else {
                diagnostics.append(.error(file, SourcePosition(line: 1, column: 1), "liste « \(name) » manquante"))
                continue
            }
            guard case .map(let items, _) = value else {
                diagnostics.append(
                    .error(file, value.position, "« \(name) » doit associer des identifiants à des libellés",
                        hint: "une ligne par valeur, par exemple :   bretagne: Bretagne"))
                continue
            }
            var vocabulary: OrderedDictionary<String, String> = [:]
            for item in items {
                if Slug.make(item.key) != item.key {
                    diagnostics.append(
                        .error(file, item.keyPosition, "identifiant « \(item.key) » invalide dans « \(name) »",
                            hint: "utilisez des minuscules sans accent et des tirets : « \(Slug.make(item.key)) »"))
                }
                guard let label = item.value.text, !item.value.isNull else {
                    diagnostics.append(.error(file, item.value.position, "libellé manquant pour « \(item.key) »"))
                    continue
                }
                vocabulary[item.key] = label
            }
            vocabularies[name] = vocabulary
        }
        var editor: EditorSettings?
        if let value = tree["editor"], !value.isNull {
            let (settings, problems) = EditorSettings.load(value, file: file)
            editor = settings
            diagnostics += problems
        }
        var home: HomeSettings?
        if let value = tree["home"], !value.isNull {
            let (settings, problems) = HomeSettings.load(value, file: file)
            home = settings
            diagnostics += problems
        }
        guard let title, let baseURL, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        var config = SiteConfig(
            title: title, description: description, baseURL: baseURL, language: language,
            timezone: timezone, vocabularies: vocabularies)
        config.footerPages = footerPages
        config.searchDescription = searchDescription
        config.editor = editor
        config.home = home
        return (config, diagnostics)
    }
}

import Foundation
