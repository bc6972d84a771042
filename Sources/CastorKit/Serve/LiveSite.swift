import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The site kept in memory between two saves, for `castor serve`.
///
/// It runs the same steps as `Builder` (and the same code: see the `Builder` extension), but
/// keeps what each file gave, so that after a change only the changed files are read,
/// checked and turned into HTML again, and only the pages whose inputs changed are rendered
/// and written. Every page has a fingerprint of what it shows (its item, the cards of the
/// items it lists, its pagination); a page is rendered again when its fingerprint changes.
/// `LiveSiteTests` checks that the folder it keeps is the one `castor build` writes.
///
/// Not thread-safe: one owner calls `rebuildAll()` then `update(_:)`.
public final class LiveSite {
    /// The options of the preview; `output` is the folder served.
    public let options: BuildOptions
    let builder: Builder
    let loader: ContentLoader

    /// One Markdown file of a collection, as last read.
    struct DocumentState {
        var document: SourceDocument?
        var readProblem: Diagnostic?
        var entry: Entry?
        var validation: [Diagnostic] = []
        /// Set when published.
        var body: RenderedMarkdown?
        /// Paths under the content folder its links and images looked for.
        var links: Set<String> = []
        var cardStamp = 0
        var fullStamp = 0
    }

    var configText: String?
    var configProblem: Diagnostic?
    var config: SiteConfig?
    var configDiagnostics: [Diagnostic] = []
    var templates: TemplateSet?
    var templateDiagnostics: [Diagnostic] = []
    var listDiagnostics: [Diagnostic] = []
    var documents: [String: DocumentState] = [:]
    /// Markdown files outside the collections, with their warning or error.
    var ignored: [String: Diagnostic] = [:]
    /// Other files under the content folder, with their modification stamp.
    var assets: [String: FileStamp] = [:]
    /// Link targets as the Markdown step last saw them.
    var targets: [String: LinkResolver.Target] = [:]
    /// Entries that passed every check, by path, first of each address only.
    var entriesByPath: [String: Entry] = [:]
    var duplicateDiagnostics: [Diagnostic] = []

    /// Files of the output folder → fingerprint of what was written there.
    var written: [String: Int] = [:]
    /// Content files copied to the output, with the stamp they had.
    var copied: [String: FileStamp] = [:]
    var templateAssetsCopied: [String] = []
    var lastRelated: (key: [Int], related: [[Int]])?
    var isPublishedOnce = false
    var hasLoaded = false

    public private(set) var diagnostics = DiagnosticList()

    /// What one rebuild did.
    public struct Outcome: Sendable {
        public var diagnostics: DiagnosticList
        /// Pages and other files written, content files copied.
        public var filesWritten = 0
        public var filesRemoved = 0
        /// Markdown files read again.
        public var documentsRead = 0
        public var seconds: Double = 0
        /// Whether the output folder now shows the content (false while it has errors).
        public var published: Bool { !diagnostics.hasErrors }
    }

    public init(options: BuildOptions, markdown: MarkdownRenderer = MarkdownRenderer()) {
        self.options = options
        self.builder = Builder(options: options, markdown: markdown)
        self.loader = ContentLoader(contentRoot: options.content)
    }

    /// A change noticed by the watcher: paths under the content folder (files or folders,
    /// present or gone), and whether anything under the templates folder changed.
    public struct Change: Sendable {
        public var contentPaths: Set<String>
        public var templatesChanged: Bool
        public init(contentPaths: Set<String> = [], templatesChanged: Bool = false) {
            self.contentPaths = contentPaths
            self.templatesChanged = templatesChanged
        }
        public var isEmpty: Bool { contentPaths.isEmpty && !templatesChanged }
    }

    // MARK: - Whole site

    /// Reads and checks everything, then writes the whole site (through a staging folder).
    @discardableResult
    public func rebuildAll() -> Outcome {
        let start = ContinuousClock.now
        documents = [:]
        ignored = [:]
        assets = [:]
        listDiagnostics = []
        let files: [String]
        if FileIO.isDirectory(options.content) {
            files = loader.listFiles(&listDiagnostics)
        } else {
            files = []
            listDiagnostics.append(
                .error(loader.displayRoot, .unknown, "dossier de contenu introuvable",
                    hint: "lancez castor depuis le dossier du dépôt, ou indiquez --content CHEMIN"))
        }
        var candidates: [ContentLoader.Candidate] = []
        configText = nil
        configProblem = nil
        for path in files {
            switch loader.classify(path) {
            case .config:
                switch loader.readConfig() {
                case .success(let text): configText = text
                case .failure(let problem): configProblem = problem
                }
            case .asset: assets[path] = FileStamp(options.content + "/" + path)
            case .document(let candidate): candidates.append(candidate)
            case .ignored(let diagnostic?): ignored[path] = diagnostic
            case .ignored(nil): break
            }
        }
        let loader = self.loader
        for (candidate, outcome) in zip(candidates, candidates.parallelMap { loader.read($0) }) {
            var state = DocumentState()
            switch outcome {
            case .success(let document): state.document = document
            case .failure(let problem): state.readProblem = problem
            }
            documents[candidate.relativePath] = state
        }
        hasLoaded = true
        loadConfig()
        loadTemplates()
        revalidate(Set(documents.keys))
        let changedTargets = refreshTargets()
        renderMarkdown(paths: Set(documents.keys), changedTargets: changedTargets, all: true)
        written = [:]
        var outcome = publish(full: true)
        outcome.documentsRead = documents.count
        outcome.seconds = Self.seconds(since: start)
        return outcome
    }

    func loadConfig() {
        configDiagnostics = []
        config = nil
        if let configText {
            let (parsed, diagnostics) = SiteConfig.load(yaml: configText, file: loader.display("site.yml"))
            config = parsed
            configDiagnostics = diagnostics
        } else if let configProblem {
            configDiagnostics = [configProblem]
        } else if FileIO.isDirectory(options.content) {
            configDiagnostics = [
                .error(loader.display("site.yml"), .unknown, "fichier de configuration manquant",
                    hint: "créez site.yml avec title, base_url et les listes fiche_types, themes, regions, ad_categories")
            ]
        }
        if var config, let baseURL = options.baseURL {
            if SiteConfig.isWebAddress(baseURL) {
                config.baseURL = SiteConfig.normalizedBaseURL(baseURL)
                self.config = config
            } else {
                configDiagnostics.append(
                    .error("--base-url", .unknown, "adresse invalide : « \(baseURL) »", hint: "par exemple https://exemple.org/ressources/"))
                self.config = nil
            }
        }
    }

    func loadTemplates() {
        (templates, templateDiagnostics) = TemplateSet.load(from: options.templates, displayRoot: options.templates)
    }

    // MARK: - One change

    /// Applies a change: reads what changed, checks it, renders and writes what it affects.
    @discardableResult
    public func update(_ change: Change) -> Outcome {
        let start = ContinuousClock.now
        if change.contentPaths.contains("site.yml") || !hasLoaded { return rebuildAll() }
        if change.templatesChanged {
            loadTemplates()
            written = [:]  // every page depends on the templates
            templateAssetsCopied = []
        }
        var read = 0
        var revalidate: Set<String> = []
        var changedAssets: Set<String> = []
        for path in expand(change.contentPaths) {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let full = options.content + "/" + path
            let exists = FileStamp.isRegularFile(full)
            documents[path] = nil
            ignored[path] = nil
            guard exists else {
                if assets.removeValue(forKey: path) != nil { changedAssets.insert(path) }
                continue
            }
            switch loader.classify(path) {
            case .config: continue
            case .asset:
                let stamp = FileStamp(full)
                if assets[path] != stamp { changedAssets.insert(path) }
                assets[path] = stamp
            case .document(let candidate):
                var state = DocumentState()
                switch loader.read(candidate) {
                case .success(let document): state.document = document
                case .failure(let problem): state.readProblem = problem
                }
                documents[path] = state
                revalidate.insert(path)
                read += 1
            case .ignored(let diagnostic):
                if let diagnostic { ignored[path] = diagnostic }
            }
        }
        // A fiche folder's attachments are checked (and sized) when its index.md is.
        for asset in changedAssets {
            var folder = (asset as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                if documents[folder + "/index.md"] != nil { revalidate.insert(folder + "/index.md") }
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        self.revalidate(revalidate)
        let changedTargets = refreshTargets().union(changedAssets)
        renderMarkdown(paths: revalidate, changedTargets: changedTargets, all: false)
        var outcome = publish(full: false, changedAssets: changedAssets)
        outcome.documentsRead = read
        outcome.seconds = Self.seconds(since: start)
        return outcome
    }

    /// Files behind the changed paths: a folder stands for every file in it, on disk or known.
    func expand(_ paths: Set<String>) -> Set<String> {
        var result: Set<String> = []
        for path in paths {
            let full = options.content + "/" + path
            if FileIO.isDirectory(full) {
                var ignoredDiagnostics: [Diagnostic] = []
                let sub = ContentLoader(contentRoot: full).listFiles(&ignoredDiagnostics)
                result.formUnion(sub.map { path + "/" + $0 })
            } else {
                result.insert(path)
            }
            let prefix = path + "/"
            for known in documents.keys where known.hasPrefix(prefix) { result.insert(known) }
            for known in assets.keys where known.hasPrefix(prefix) { result.insert(known) }
            for known in ignored.keys where known.hasPrefix(prefix) { result.insert(known) }
        }
        return result
    }

    // MARK: - Steps

    /// Checks the given documents against the schema and `site.yml`.
    func revalidate(_ paths: Set<String>) {
        guard let config else { return }
        let validator = Validator(config: config, contentRoot: options.content)
        let work = paths.sorted().filter { documents[$0]?.document != nil }
        let results = work.map { documents[$0]!.document! }.parallelMap { validator.validate($0) }
        for (path, (entry, diagnostics)) in zip(work, results) {
            documents[path]?.entry = entry
            documents[path]?.validation = diagnostics
            if let entry {
                var hasher = Hasher()
                hasher.combine(entry.relativePath)
                hasher.combine(entry.url)
                hasher.combine(entry.group)
                hasher.combine(entry.fields)
                documents[path]?.cardStamp = hasher.finalize()
            }
        }
    }

    func isPublished(_ entry: Entry) -> Bool {
        guard let config else { return false }
        return Builder.isPublished(entry, config: config, options: options)
    }

    /// Recomputes which entry holds each address (the first in path order, as `check` does)
    /// and the link targets; returns the paths whose target appeared, went or changed.
    func refreshTargets() -> Set<String> {
        entriesByPath = [:]
        duplicateDiagnostics = []
        var byURL: [String: Entry] = [:]
        for path in documents.keys.sorted() {
            guard let entry = documents[path]?.entry else { continue }
            if let other = byURL[entry.url] {
                duplicateDiagnostics.append(
                    .error(entry.displayPath, .unknown, "même adresse que « \(other.displayPath) » : \(entry.url)",
                        hint: "gardez un seul des deux fichiers, ou renommez-en un"))
                continue
            }
            byURL[entry.url] = entry
            entriesByPath[path] = entry
        }
        var newTargets: [String: LinkResolver.Target] = [:]
        newTargets.reserveCapacity(entriesByPath.count)
        for (path, entry) in entriesByPath {
            newTargets[path] = .init(url: entry.url, isPublished: isPublished(entry), fallbackURL: entry.collection.publishedPrefix)
        }
        var changed: Set<String> = []
        for (path, target) in newTargets {
            if let old = targets[path], old.url == target.url, old.isPublished == target.isPublished,
                old.fallbackURL == target.fallbackURL
            {
                continue
            }
            changed.insert(path)
        }
        for path in targets.keys where newTargets[path] == nil { changed.insert(path) }
        targets = newTargets
        return changed
    }

    /// Renders the Markdown of the published entries among `paths`, and of those whose links
    /// look for one of `changedTargets`; forgets the bodies of entries no longer published.
    func renderMarkdown(paths: Set<String>, changedTargets: Set<String>, all: Bool) {
        var work: [Entry] = []
        for (path, state) in documents {
            guard let entry = entriesByPath[path], isPublished(entry) else {
                if state.body != nil || !state.links.isEmpty {
                    documents[path]?.body = nil
                    documents[path]?.links = []
                }
                continue
            }
            if all || paths.contains(path) || state.body == nil || !state.links.isDisjoint(with: changedTargets) {
                work.append(entry)
            }
        }
        guard !work.isEmpty else { return }
        let resolver = LinkResolver(targets: targets, assets: Set(assets.keys))
        let builder = self.builder
        let results = work.parallelMap { entry -> (RenderedMarkdown, Set<String>) in
            var links: Set<String> = []
            let body = builder.renderBody(entry) { url, position in
                for path in LiveSite.lookedUpPaths(url, from: entry) { links.insert(path) }
                return resolver.resolve(url, from: entry, at: position)
            }
            return (body, links)
        }
        for (entry, (body, links)) in zip(work, results) {
            let path = entry.relativePath
            documents[path]?.body = body
            documents[path]?.links = links
            var hasher = Hasher()
            hasher.combine(documents[path]?.cardStamp ?? 0)
            hasher.combine(body.html)
            hasher.combine(body.headings)
            documents[path]?.fullStamp = hasher.finalize()
        }
    }

    /// The content paths a link may stand for, as `LinkResolver` looks them up.
    static func lookedUpPaths(_ raw: String, from entry: Entry) -> [String] {
        if raw.isEmpty || raw.hasPrefix("#") || raw.hasPrefix("/") || LinkResolver.hasScheme(raw) { return [] }
        var path = Substring(raw)
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<mark] }
        let decoded = String(path).removingPercentEncoding ?? String(path)
        guard let joined = LinkResolver.join(entry.sourceFolder, decoded) else { return [] }
        return [joined, joined.isEmpty ? "index.md" : joined + "/index.md"]
    }

    /// Every problem, as `castor check` would list them.
    func collectDiagnostics() -> DiagnosticList {
        var list = DiagnosticList(listDiagnostics)
        list.append(contentsOf: ignored.values.sorted { $0.file < $1.file })
        for path in documents.keys.sorted() {
            if let problem = documents[path]?.readProblem { list.append(problem) }
        }
        list.append(contentsOf: configDiagnostics)
        list.append(contentsOf: templateDiagnostics)
        guard config != nil else { return list }
        for path in documents.keys.sorted() {
            guard let state = documents[path] else { continue }
            list.append(contentsOf: state.validation)
            if let body = state.body { list.append(contentsOf: body.diagnostics) }
        }
        list.append(contentsOf: duplicateDiagnostics)
        return list
    }

    // MARK: - Output

    /// Writes what changed; with `full`, the whole site through a staging folder.
    func publish(full: Bool, changedAssets: Set<String> = []) -> Outcome {
        diagnostics = collectDiagnostics()
        var outcome = Outcome(diagnostics: diagnostics)
        guard let config, let templates, !diagnostics.hasErrors else { return outcome }

        let entries = entriesByPath.keys.sorted().map { entriesByPath[$0]! }
        let published = entries.filter(isPublished)
        var bodies: [String: RenderedMarkdown] = [:]
        bodies.reserveCapacity(published.count)
        for entry in published { bodies[entry.relativePath] = documents[entry.relativePath]?.body }
        let items = Builder.sortedItems(published, config: config)
        // Related fiches depend on the fiches' order and themes only.
        var relatedKey = Hasher()
        for fiche in items.fiches {
            relatedKey.combine(fiche.entry.relativePath)
            relatedKey.combine(fiche.themes)
        }
        let key = [relatedKey.finalize(), items.fiches.count]
        let site: Site
        if let lastRelated, lastRelated.key == key {
            site = Site(
                config: config, today: options.today, fiches: items.fiches, events: items.events, ads: items.ads,
                pages: items.pages, bodies: bodies, related: lastRelated.related)
        } else {
            site = Site(
                config: config, today: options.today, fiches: items.fiches, events: items.events, ads: items.ads,
                pages: items.pages, bodies: bodies)
            lastRelated = (key, site.related)
        }
        let plan = SitePlan(site: site)
        let context = PageContext(site: site)

        // Fingerprints: what each page shows.
        func cardOf(_ entry: Entry) -> Int { documents[entry.relativePath]?.cardStamp ?? 0 }
        func fullOf(_ entry: Entry) -> Int { documents[entry.relativePath]?.fullStamp ?? 0 }
        func entry(_ ref: ItemRef) -> Entry {
            switch ref {
            case .fiche(let i): return site.fiches[i].entry
            case .event(let i): return site.events[i].entry
            case .ad(let i): return site.ads[i].entry
            case .page(let i): return site.pages[i].entry
            }
        }
        var everything = Hasher()
        for fiche in site.fiches { everything.combine(cardOf(fiche.entry)) }
        for event in site.events { everything.combine(cardOf(event.entry)) }
        var adsHasher = Hasher()
        for ad in site.ads { adsHasher.combine(cardOf(ad.entry)) }
        let allAds = adsHasher.finalize()
        everything.combine(allAds)
        for page in site.pages { everything.combine(cardOf(page.entry)) }
        let allCards = everything.finalize()

        let jobs = plan.jobs
        let fingerprints = jobs.map { job -> Int in
            var hasher = Hasher()
            hasher.combine(job.url)
            switch job.kind {
            case .home, .terms, .notFound:
                hasher.combine(allCards)
            case .fiche(let index):
                hasher.combine(fullOf(site.fiches[index].entry))
                for other in site.related[index] { hasher.combine(cardOf(site.fiches[other].entry)) }
            case .event(let index): hasher.combine(fullOf(site.events[index].entry))
            case .ad(let index): hasher.combine(fullOf(site.ads[index].entry))
            case .page(let index): hasher.combine(fullOf(site.pages[index].entry))
            case .listing(let listing, let page):
                hasher.combine(listing.title)
                hasher.combine(listing.intro)
                hasher.combine(listing.template)
                hasher.combine(listing.links)
                hasher.combine(listing.breadcrumbs)
                hasher.combine(listing.emptyMessage)
                hasher.combine(listing.groupByMonth)
                hasher.combine(page)
                hasher.combine(listing.pageCount)
                for ref in listing.items(onPage: page) { hasher.combine(cardOf(entry(ref))) }
                // Special listings (the ads page and its filters) may read more than their items.
                if listing.template != "list" { hasher.combine(allAds) }
            }
            return hasher.finalize()
        }
        let dirty = jobs.indices.filter { written[jobs[$0].file] != fingerprints[$0] }

        let writer = OutputWriter(output: options.output)
        let root: String
        do {
            if full {
                try writer.prepare()
                root = writer.staging
                try writer.makeFolders(for: jobs.map(\.file))
            } else {
                root = writer.output
            }
        } catch {
            outcome.diagnostics.append(.error(options.output, .unknown, "écriture impossible : \(error)"))
            return outcome
        }
        let failures = Locked<[String]>([])
        let atomic = !full
        _ = dirty.parallelMap { index -> Bool in
            let job = jobs[index]
            let html = PageRenderer.page(job, context: context, templates: templates)
            do {
                try LiveSite.write(html, to: root + "/" + job.file, atomically: atomic)
            } catch {
                failures.withLock { $0.append("\(job.file) : \(error)") }
            }
            return true
        }
        var newWritten: [String: Int] = [:]
        newWritten.reserveCapacity(jobs.count + 16)
        for (job, fingerprint) in zip(jobs, fingerprints) { newWritten[job.file] = fingerprint }
        outcome.filesWritten = dirty.count

        // Feeds, sitemap, robots.txt: cheap to make, written when they differ.
        for file in Builder.extraFiles(site, plan: plan) {
            var hasher = Hasher()
            hasher.combine(file.text)
            let fingerprint = hasher.finalize()
            newWritten[file.file] = fingerprint
            guard written[file.file] != fingerprint else { continue }
            do {
                try LiveSite.write(file.text, to: root + "/" + file.file, atomically: atomic)
                outcome.filesWritten += 1
            } catch {
                failures.withLock { $0.append("\(file.file) : \(error)") }
            }
        }

        // Content files: copied when new or changed; removed when gone or unpublished.
        let publishedAssets = Builder.publishedAssets(assets.keys.sorted(), entries: entries, isPublished: isPublished)
        var newCopied: [String: FileStamp] = [:]
        for asset in publishedAssets {
            let stamp = assets[asset]!
            newCopied[asset] = stamp
            guard full || copied[asset] != stamp || changedAssets.contains(asset) else { continue }
            do {
                try LiveSite.copy(options.content + "/" + asset, to: root + "/" + asset, atomically: atomic)
                outcome.filesWritten += 1
            } catch {
                failures.withLock { $0.append("\(asset) : \(error)") }
            }
        }
        let templatesRoot = options.templates + "/assets"
        let templateAssets = Builder.templateAssets(templatesRoot)
        if full || templateAssets != templateAssetsCopied || templateAssetsCopied.isEmpty {
            for asset in templateAssets {
                do {
                    try LiveSite.copy(templatesRoot + "/" + asset, to: root + "/assets/" + asset, atomically: atomic)
                    outcome.filesWritten += 1
                } catch {
                    failures.withLock { $0.append("assets/\(asset) : \(error)") }
                }
            }
        }
        let problems = failures.withLock { $0 }
        if !problems.isEmpty {
            if full { writer.discard() }
            for problem in problems {
                outcome.diagnostics.append(.error(options.output, .unknown, "écriture impossible : \(problem)"))
            }
            written = [:]
            return outcome
        }
        if full {
            do {
                try writer.commit()
            } catch {
                writer.discard()
                outcome.diagnostics.append(.error(options.output, .unknown, "écriture impossible : \(error)"))
                written = [:]
                return outcome
            }
        } else {
            // What the site no longer has.
            var stale = Set(written.keys).subtracting(newWritten.keys)
            stale.formUnion(Set(copied.keys).subtracting(newCopied.keys))
            stale.formUnion(Set(templateAssetsCopied).subtracting(templateAssets).map { "assets/" + $0 })
            for file in stale where unlink(root + "/" + file) == 0 { outcome.filesRemoved += 1 }
        }
        written = newWritten
        copied = newCopied
        templateAssetsCopied = templateAssets
        isPublishedOnce = true
        return outcome
    }

    /// Writes a file; `atomically` through a temporary file and a rename, so the server
    /// never sends half a page.
    static func write(_ text: String, to path: String, atomically: Bool) throws {
        guard atomically else { return try FileIO.write(text, to: path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !FileIO.isDirectory(folder) { try FileIO.makeDirectories(folder) }
        let temporary = folder + "/.castor-tmp-" + (path as NSString).lastPathComponent
        try FileIO.write(text, to: temporary)
        guard rename(temporary, path) == 0 else {
            throw FileIO.Failure(path: path, reason: String(cString: strerror(errno)))
        }
    }

    static func copy(_ source: String, to path: String, atomically: Bool) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !FileIO.isDirectory(folder) { try FileIO.makeDirectories(folder) }
        guard atomically else { return try FileIO.copyFile(from: source, to: path) }
        let temporary = folder + "/.castor-tmp-" + (path as NSString).lastPathComponent
        try FileIO.copyFile(from: source, to: temporary)
        guard rename(temporary, path) == 0 else {
            throw FileIO.Failure(path: path, reason: String(cString: strerror(errno)))
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// When and how big a file was: enough to notice that a saved file changed.
public struct FileStamp: Sendable, Hashable {
    let seconds: Int
    let nanoseconds: Int
    let size: Int

    init(_ path: String) {
        var info = stat()
        if stat(path, &info) == 0 {
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
            size = Int(info.st_size)
        } else {
            seconds = -1
            nanoseconds = 0
            size = -1
        }
    }

    /// A regular file, not a folder nor a symbolic link.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}

extension Site {
    /// A site whose related fiches are already known (the preview reuses them while the
    /// fiches' order and themes do not change).
    init(
        config: SiteConfig, today: LocalDate, fiches: [Fiche], events: [Event], ads: [Ad], pages: [Page],
        bodies: [String: RenderedMarkdown], related: [[Int]]
    ) {
        self.config = config
        self.today = today
        self.fiches = fiches
        self.events = events
        self.ads = ads
        self.pages = pages
        self.bodies = bodies
        self.related = related
    }
}
