import Foundation

/// Every file the site will hold and where it comes from, gathered before anything is written:
/// two sources for one file of the site (a content file and a file Castor makes, a content file
/// and a page, a content file and a template asset) are an error naming both, so that nothing
/// silently replaces what Castor produces (the agenda widget is embedded by other sites).
public enum OutputPaths {
    /// Where a file of the site comes from, strongest first: the weaker source gets the error.
    public enum Source: Sendable, Equatable {
        /// A file or page Castor makes by itself, described in French.
        case generated(String)
        /// The page of a Markdown file (shown path of the file).
        case page(String)
        /// A file of `templates/assets/` (shown path).
        case template(String)
        /// A content file copied as it is (shown path).
        case content(String)

        var rank: Int {
            switch self {
            case .generated: return 0
            case .page: return 1
            case .template: return 2
            case .content: return 3
            }
        }

        /// The source, as named in a message.
        var named: String {
            switch self {
            case .generated(let what): return "le fichier produit par Castor (\(what))"
            case .page(let file): return "la page de « \(file) »"
            case .template(let file), .content(let file): return "« \(file) »"
            }
        }

        /// The file to report the error on, when the volunteer can change it.
        var file: String? {
            switch self {
            case .generated: return nil
            case .page(let file), .template(let file), .content(let file): return file
            }
        }
    }

    /// Folders of the site that Castor fills by itself, with what they hold: a content file
    /// inside would mix with them.
    public static let reservedFolders: [(folder: String, what: String)] = [(SearchIndex.folder, "index de la recherche")]

    /// The errors for every output path claimed twice, and for a file of the site that would
    /// have the name of one of its folders.
    public static func collisions(_ planned: [(path: String, source: Source)]) -> [Diagnostic] {
        var owners: [String: Source] = [:]
        var diagnostics: [Diagnostic] = []
        func report(_ path: String, _ a: Source, _ b: Source, folder: Bool = false) {
            let (strong, weak) = a.rank <= b.rank ? (a, b) : (b, a)
            let shown = folder ? path + "/" : path
            let subject: String
            switch weak {
            case .page: subject = "la page de ce fichier et \(strong.named)"
            default: subject = weak.file == nil ? "\(weak.named) et \(strong.named)" : "ce fichier et \(strong.named)"
            }
            let message = folder
                ? "\(subject) se disputent « \(shown) » du site : l'un en fait un fichier, l'autre un dossier"
                : "\(subject) donneraient le même fichier du site : « \(shown) »"
            diagnostics.append(
                .error(weak.file ?? "site", weak.file == nil ? .unknown : SourcePosition(line: 1, column: 1), message,
                    hint: "renommez ou déplacez \(weak.file.map { "« \($0) »" } ?? "l'un des deux") : « \(shown) » du site ne peut venir que d'une seule source"))
        }
        for (path, source) in planned {
            if let owner = owners[path] {
                report(path, owner, source)
            } else {
                owners[path] = source
            }
        }
        // Folders: those of the planned files, and the reserved ones.
        var folders: [String: Source] = [:]
        for (folder, what) in reservedFolders { folders[String(folder.dropLast())] = .generated(what) }
        for (path, source) in planned {
            var folder = FileTree.folder(of: path)
            while !folder.isEmpty, folders[folder] == nil {
                folders[folder] = source
                folder = FileTree.folder(of: folder)
            }
        }
        for (path, source) in planned.sorted(by: { $0.path < $1.path }) where owners[path] == source {
            if let other = folders[path] { report(path, other, source, folder: true) }
            for (folder, what) in reservedFolders where path.hasPrefix(folder) && source.rank > 0 {
                report(path, .generated(what), source)
            }
        }
        return diagnostics
    }

    /// What a file Castor writes besides the item pages is, in French.
    public static func describe(generated path: String, site: Site) -> String {
        switch path {
        case "sitemap.xml": return "plan du site pour les moteurs de recherche"
        case "robots.txt": return "consignes aux moteurs de recherche"
        case AgendaFeeds.widgetFile(site): return "liste de l'agenda à intégrer sur d'autres sites"
        case AgendaFeeds.jsonFile(site): return "flux JSON de l'agenda"
        case AgendaFeeds.atomFile(site): return "flux Atom de l'agenda"
        default:
            if let collection = site.collections.first(where: { $0.schema.publishing.feedTitle != nil && path == $0.schema.publishedPrefix + "atom.xml" }) {
                return "flux Atom de « \(collection.schema.label) »"
            }
            if path.hasSuffix(".ics") { return "calendrier de l'agenda" }
            if path.hasSuffix("atom.xml") { return "flux Atom" }
            return "fichier du site"
        }
    }

    /// Every file of the site before it is written: pages, feeds and other files Castor makes,
    /// template assets and content files copied as they are.
    public static func planned(
        site: Site, plan: SitePlan, extras: [String], templateAssets: [String], templatesRoot: String,
        contentFiles: [String], contentRoot: String
    ) -> [(path: String, source: Source)] {
        func shown(_ root: String, _ path: String) -> String { root.isEmpty ? path : (root.hasSuffix("/") ? root : root + "/") + path }
        var result: [(path: String, source: Source)] = []
        for job in plan.jobs {
            let source: Source
            switch job.kind {
            case .item(let collection, let index): source = .page(site.collections[collection].items[index].entry.displayPath)
            case .home: source = .generated("page d'accueil")
            case .listing(let listing, _): source = .generated("liste « \(listing.title) »")
            case .terms(let terms): source = .generated("page « \(terms.title) »")
            case .share: source = .generated("page pour partager l'agenda")
            case .search: source = .generated("page de recherche")
            case .notFound: source = .generated("page d'erreur 404")
            }
            result.append((job.file, source))
        }
        let feeds = Dictionary(
            site.collections.map { ($0.schema.publishedPrefix + "atom.xml", "flux Atom de « \($0.schema.label) »") }, uniquingKeysWith: { a, _ in a })
        for path in extras { result.append((path, .generated(feeds[path] ?? describe(generated: path, site: site)))) }
        for (path, body) in site.bodies.sorted(by: { $0.key < $1.key }) {
            if let document = body.document { result.append((document.file, .generated("document modifiable de « \(path) »"))) }
        }
        for asset in templateAssets { result.append(("assets/" + asset, .template(shown(templatesRoot, asset)))) }
        for file in contentFiles { result.append((file, .content(shown(contentRoot, file)))) }
        return result
    }
}
