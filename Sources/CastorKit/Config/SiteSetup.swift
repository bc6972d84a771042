import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What every command reads before the content: `site.yml`, then `collections.yml`, whose
/// vocabularies are checked against site.yml's lists. `check`, `build`, `serve`, `new` and
/// `decap` all start here.
public struct SiteSetup: Sendable {
    /// Nil when site.yml is missing or has errors.
    public var config: SiteConfig?
    /// Nil when collections.yml is missing or has errors.
    public var collections: [CollectionSchema]?
    /// The site-wide pages of vocabularies declared at the top of collections.yml (`SiteListingPage`).
    public var siteListings: [SiteListingPage] = []
    /// Problems of both files.
    public var diagnostics: [Diagnostic] = []

    /// Reads both files of `contentRoot`; nothing is reported when the folder itself is missing
    /// (`ContentLoader.load` says so).
    public static func load(contentRoot: String, displayRoot: String? = nil) -> SiteSetup {
        var setup = SiteSetup()
        let probe = ContentLoader(contentRoot: contentRoot, displayRoot: displayRoot, collections: [])
        guard FileIO.isDirectory(contentRoot) else { return setup }
        let configFile = probe.display("site.yml")
        if FileTree.isRegularFile(contentRoot + "/site.yml") {
            switch probe.readConfig() {
            case .success(let text):
                let (parsed, diagnostics) = SiteConfig.load(yaml: text, file: configFile)
                setup.config = parsed
                setup.diagnostics += diagnostics
            case .failure(let problem): setup.diagnostics.append(problem)
            }
        } else {
            setup.diagnostics.append(
                .error(configFile, .unknown, "fichier de configuration manquant",
                    hint: "créez site.yml avec title, base_url, les listes themes et regions, et celles que nomme collections.yml"))
        }
        let name = CollectionDeclarations.fileName
        guard FileTree.isRegularFile(contentRoot + "/" + name) else {
            setup.diagnostics.append(CollectionDeclarations.missingFile(probe.display(name)))
            return setup
        }
        switch probe.readTopFile(name) {
        case .success(let text):
            // Without a readable site.yml its lists are unknown: they are not checked.
            let vocabularies = setup.config.map { Set($0.vocabularies.keys) }
            let read = CollectionDeclarations.read(yaml: text, file: probe.display(name), vocabularies: vocabularies)
            setup.collections = read.collections
            setup.diagnostics += read.diagnostics
            setup.declarationPositions = read.positions
            setup.siteListings = read.siteListings
            if let config = setup.config {
                setup.diagnostics += EditableDocumentDeclaration.unknownGroups(read.collections ?? [], config: config, file: probe.display(name))
                setup.diagnostics += DigestSkip.declarationProblems(read.collections ?? [], config: config, file: probe.display(name))
                if let map = config.home?.map, let collections = read.collections,
                    !collections.contains(where: { $0.id == map.collection && $0.publishing.map != nil })
                {
                    let withMap = collections.filter { $0.publishing.map != nil }.map(\.id)
                    setup.diagnostics.append(
                        .error(probe.display("site.yml"), map.position,
                            "« map » de « home » : la collection « \(map.collection) » n'a pas de carte",
                            hint: withMap.isEmpty
                                ? "déclarez « map: » dans collections.yml pour la collection, ou retirez « map » de « home »"
                                : "collections qui ont une carte : " + withMap.joined(separator: ", ")))
                }
            }
            if setup.diagnostics.contains(where: { $0.severity == .error && $0.file == probe.display(name) }) { setup.collections = nil }
        case .failure(let problem): setup.diagnostics.append(problem)
        }
        return setup
    }

    /// The item templates the collections name that `templates/` lacks (swift-mustache would
    /// render them as empty pages), at their declaration.
    public func missingTemplates(_ templates: TemplateSet?, file: String) -> [Diagnostic] {
        guard let templates else { return [] }
        return (collections ?? []).flatMap { collection in
            DigestMail.missingTemplates(templates, collection: collection, at: declarationPositions[collection.id] ?? .unknown, file: file)
        } + (collections ?? []).compactMap { collection in
            let name = PageRenderer.itemTemplate(collection, templates: templates)
            guard !templates.names.contains(name) else { return nil }
            return .error(file, declarationPositions[collection.id] ?? .unknown,
                "le gabarit « \(name) » de la collection « \(collection.id) » n'existe pas",
                hint: "créez templates/\(name).mustache, ou corrigez « template: » dans la déclaration")
        }
    }

    /// Where each collection is declared in collections.yml.
    public var declarationPositions: [String: SourcePosition] = [:]
}
