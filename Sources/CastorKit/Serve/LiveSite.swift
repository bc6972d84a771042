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
    /// Rebuilt with the declarations of collections.yml at every whole rebuild.
    var loader: ContentLoader

    /// One Markdown file of a collection, as last read (a class: looked up often, copied never).
    final class DocumentState {
        var document: SourceDocument?
        var readProblem: Diagnostic?
        var entry: Entry?
        var validation: [Diagnostic] = []
        var isPublished = false
        /// Set when published and holder of its address.
        var body: RenderedMarkdown?
        /// Paths under the content folder its links and images looked for.
        var links: Set<String> = []
        /// Hash of what its cards show (fields, address), and of everything its page shows.
        var cardStamp = 0
        var fullStamp = 0
        /// Hash of what the site's plan reads: fields but titles and summaries, address.
        var planStamp = 0
    }

    /// site.yml and collections.yml, as last read.
    var setup = SiteSetup()
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
    /// Address → paths of the valid entries that claim it, in path order: the first one
    /// holds it, the others are errors (as in `check`).
    var urlOwners: [String: [String]] = [:]
    var duplicateDiagnostics: [String: [Diagnostic]] = [:]
    /// Entries that hold their address, by path; and their paths in order.
    var entriesByPath: [String: Entry] = [:]
    var orderedPaths: [String] = []
    /// Link targets as the Markdown step last saw them.
    var targets: [String: LinkResolver.Target] = [:]
    /// Content path → documents whose links look for it.
    var backlinks: [String: Set<String>] = [:]

    /// Files of the output folder → fingerprint of what was written there.
    var written: [String: Int] = [:]
    /// Content files copied to the output, with the stamp they had.
    var copied: [String: FileStamp] = [:]
    var templateAssetsCopied: [String] = []
    var lastRelated: (key: [Int], related: [[Int]])?
    /// The items and plan of the last publication, reused while no card changes.
    var lastItems: (fiches: [Fiche], events: [Event], ads: [Ad], pages: [Page])?
    var lastPlan: SitePlan?
    /// The declared collections' items of the last publication (`LiveSite+Collections`).
    var lastCollections: [PublishedCollection] = []
    /// Whether the order or content of the listings may have changed since the last publication.
    var cardsChanged = true
    /// Whether items were published, unpublished, added or removed since the last publication.
    var membershipChanged = true
    /// Published items whose card changed since the last publication, and whether the plan's
    /// inputs (fields other than titles and summaries) changed too.
    var changedCards: Set<String> = []
    var planInputsChanged = false
    /// Paths whose entry, or body, changed since the last publication.
    var pendingEntries: Set<String> = []
    var pendingBodies: Set<String> = []
    /// What the last publication computed, reused while no card changes.
    var lastBodies: [String: RenderedMarkdown] = [:]
    var lastFingerprints: [Int] = []
    var lastPublishedAssets: [String] = []
    /// The files each group of extra files made at the last publication.
    var lastExtraFiles: [Builder.ExtraFiles: Set<String>] = [:]
    /// Item path → its place in `lastItems` (0 fiches, 1 events, 2 ads, 3 pages) and the index of its page in `lastPlan`.
    var itemPlaces: [String: (kind: Int, index: Int, job: Int)] = [:]
    /// Above this many changed files, a change is handled as a whole rebuild.
    static let wholeSiteThreshold = 2_000
    /// Whether the last publication reused the previous order and plan (for the tests).
    var reusedPlan = false
    var hasLoaded = false

    public private(set) var diagnostics = DiagnosticList()

    /// What one rebuild did.
    public struct Outcome: Sendable {
        public var diagnostics: DiagnosticList
        /// Pages and other files written, content files copied.
        public var filesWritten = 0
        /// HTML pages among them.
        public var pagesWritten = 0
        public var filesRemoved = 0
        /// Markdown files read again.
        public var documentsRead = 0
        public var seconds: Double = 0
        /// Named steps and their duration in seconds, for `castor serve --timings`.
        public var steps: [(name: String, seconds: Double)] = []
        /// Whether the output folder now shows the content (false while it has errors).
        public var published: Bool { !diagnostics.hasErrors }
    }

    public init(options: BuildOptions, markdown: MarkdownRenderer = MarkdownRenderer()) {
        self.options = options
        self.builder = Builder(options: options, markdown: markdown)
        self.loader = ContentLoader(contentRoot: options.content, collections: [])
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

    /// Durations of named steps.
    struct Steps {
        var list: [(name: String, seconds: Double)] = []
        var mark = ContinuousClock.now
        mutating func end(_ name: String) {
            list.append((name, LiveSite.seconds(since: mark)))
            mark = ContinuousClock.now
        }
    }

    // MARK: - Whole site

    /// Reads and checks everything, then writes the whole site (through a staging folder).
    @discardableResult
    public func rebuildAll() -> Outcome {
        let start = ContinuousClock.now
        var steps = Steps()
        documents = [:]
        ignored = [:]
        assets = [:]
        urlOwners = [:]
        duplicateDiagnostics = [:]
        entriesByPath = [:]
        orderedPaths = []
        targets = [:]
        backlinks = [:]
        lastItems = nil
        lastPlan = nil
        lastExtraFiles = [:]
        deferred = nil
        cardsChanged = true
        membershipChanged = true
        templateAssetsCopied = []
        listDiagnostics = []
        setup = SiteSetup.load(contentRoot: options.content)
        loader = ContentLoader(contentRoot: options.content, collections: setup.collections ?? [])
        let files: [String]
        if setup.collections == nil {
            files = []  // without declarations no Markdown file can be read (as in `check`)
            if !FileIO.isDirectory(options.content) {
                listDiagnostics.append(
                    .error(loader.displayRoot, .unknown, "dossier de contenu introuvable",
                        hint: "lancez castor depuis le dossier du dépôt, ou indiquez --content CHEMIN"))
            }
        } else if FileIO.isDirectory(options.content) {
            files = loader.listFiles(&listDiagnostics)
        } else {
            files = []
            listDiagnostics.append(
                .error(loader.displayRoot, .unknown, "dossier de contenu introuvable",
                    hint: "lancez castor depuis le dossier du dépôt, ou indiquez --content CHEMIN"))
        }
        var candidates: [ContentLoader.Candidate] = []
        for path in files {
            switch loader.classify(path) {
            case .config: break  // read by `SiteSetup`
            case .asset: assets[path] = FileStamp(options.content + "/" + path)
            case .document(let candidate): candidates.append(candidate)
            case .ignored(let diagnostic?): ignored[path] = diagnostic
            case .ignored(nil): break
            }
        }
        let loader = self.loader
        for (candidate, outcome) in zip(candidates, candidates.parallelMap { loader.read($0) }) {
            let state = DocumentState()
            switch outcome {
            case .success(let document): state.document = document
            case .failure(let problem): state.readProblem = problem
            }
            documents[candidate.relativePath] = state
        }
        hasLoaded = true
        loadConfig()
        loadTemplates()
        steps.end("lecture")
        let all = Set(documents.keys)
        let touched = revalidate(all, removed: [])
        let changedTargets = refreshTargets(touched)
        steps.end("vérification")
        renderMarkdown(touched: touched, changedTargets: changedTargets)
        steps.end("markdown")
        written = [:]
        var outcome = publish(full: true)
        outcome.steps = steps.list + outcome.steps
        outcome.documentsRead = documents.count
        outcome.seconds = Self.seconds(since: start)
        return outcome
    }

    func loadConfig() {
        configDiagnostics = setup.diagnostics
        // Without declarations nothing can be checked: the site waits, as `check` does.
        config = setup.collections == nil ? nil : setup.config
        if var config, let baseURL = options.baseURL {
            if let problem = SiteConfig.baseURLProblem(baseURL) {
                configDiagnostics.append(SiteConfig.baseURLOptionError(baseURL, problem))
                self.config = nil
            } else {
                config.baseURL = SiteConfig.normalizedBaseURL(baseURL)
                self.config = config
            }
        }
    }

    func loadTemplates() {
        (templates, templateDiagnostics) = TemplateSet.load(from: options.templates, displayRoot: options.templates)
    }

    // MARK: - One change

    /// Applies a change: reads what changed, checks it, renders and writes what it affects.
    @discardableResult
    public func update(_ change: Change, pagesReady: ((Outcome) -> Void)? = nil) -> Outcome {
        let start = ContinuousClock.now
        if change.contentPaths.contains("site.yml") || change.contentPaths.contains(CollectionDeclarations.fileName) || !hasLoaded {
            return rebuildAll()
        }
        var steps = Steps()
        if change.templatesChanged {
            loadTemplates()
            written = [:]  // every page depends on the templates
            templateAssetsCopied = []
            cardsChanged = true
            membershipChanged = true
        }
        var read = 0
        var revalidate: Set<String> = []
        var removed: Set<String> = []
        var changedAssets: Set<String> = []
        let paths = expand(change.contentPaths)
        // A branch switched, a folder copied in: reading everything again is simpler.
        if paths.count > LiveSite.wholeSiteThreshold { return rebuildAll() }
        for path in paths {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let full = options.content + "/" + path
            ignored[path] = nil
            if documents[path] != nil { removed.insert(path) }
            guard FileStamp.isRegularFile(full) else {
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
                let state = DocumentState()
                switch loader.read(candidate) {
                case .success(let document): state.document = document
                case .failure(let problem): state.readProblem = problem
                }
                replaceDocument(path, with: state)
                removed.remove(path)
                revalidate.insert(path)
                read += 1
            case .ignored(let diagnostic):
                if let diagnostic { ignored[path] = diagnostic }
            }
        }
        for path in removed { replaceDocument(path, with: nil) }
        // A fiche folder's attachments are checked (and sized) when its index.md is.
        for asset in changedAssets {
            var folder = (asset as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                if documents[folder + "/index.md"] != nil { revalidate.insert(folder + "/index.md") }
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        steps.end("lecture")
        let touched = self.revalidate(revalidate, removed: removed)
        let changedTargets = refreshTargets(touched).union(changedAssets)
        steps.end("vérification")
        renderMarkdown(touched: touched, changedTargets: changedTargets)
        steps.end("markdown")
        // Until a first publication succeeds (the content had errors at start), write it whole.
        var outcome = publish(full: lastPlan == nil, changedAssets: changedAssets, pagesReady: pagesReady)
        outcome.steps = steps.list + outcome.steps
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
                let sub = ContentLoader(contentRoot: full, collections: []).listFiles(&ignoredDiagnostics)
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

    /// Puts a new state (or none) for a document, detaching the old one from its address
    /// and its links.
    func replaceDocument(_ path: String, with state: DocumentState?) {
        if let old = documents[path] {
            if let entry = old.entry { removeOwner(path, of: entry.url) }
            for link in old.links { backlinks[link]?.remove(path) }
            // Compared with the new ones by `revalidate`.
            state?.cardStamp = old.cardStamp
            state?.planStamp = old.planStamp
            state?.isPublished = old.isPublished
        }
        if state?.document == nil, state?.isPublished == true || state?.cardStamp != 0 {
            state?.isPublished = false
            state?.cardStamp = 0
            cardsChanged = true
            membershipChanged = true
        }
        documents[path] = state
    }

    func removeOwner(_ path: String, of url: String) {
        urlOwners[url]?.removeAll { $0 == path }
        if urlOwners[url]?.isEmpty == true { urlOwners[url] = nil }
        pendingURLs.insert(url)
    }

    /// Addresses whose holder must be decided again.
    var pendingURLs: Set<String> = []

    // MARK: - Steps

    /// Checks the given documents against the schema and `site.yml`; returns every path whose
    /// entry or address holder may have changed.
    func revalidate(_ paths: Set<String>, removed: Set<String>) -> Set<String> {
        var touched = paths.union(removed)
        guard let config else { return touched }
        let validator = Validator(config: config, contentRoot: options.content, collections: setup.collections ?? [])
        let work = paths.filter { documents[$0]?.document != nil }.sorted()
        let results = work.map { documents[$0]!.document! }.parallelMap { validator.validate($0) }
        for (path, (entry, diagnostics)) in zip(work, results) {
            guard let state = documents[path] else { continue }
            if let old = state.entry { removeOwner(path, of: old.url) }
            let oldCard = state.cardStamp
            let oldPlan = state.planStamp
            let wasPublished = state.isPublished
            state.entry = entry
            state.validation = diagnostics
            state.isPublished = entry.map { Builder.isPublished($0, config: config, options: options) } ?? false
            if let entry {
                var owners = urlOwners[entry.url] ?? []
                owners.insert(path, at: owners.firstIndex { $0 > path } ?? owners.endIndex)
                urlOwners[entry.url] = owners
                pendingURLs.insert(entry.url)
                var hasher = Hasher()
                hasher.combine(entry.relativePath)
                hasher.combine(entry.url)
                hasher.combine(entry.group)
                hasher.combine(entry.fields)
                state.cardStamp = hasher.finalize()
                var plan = Hasher()
                plan.combine(entry.relativePath)
                plan.combine(entry.url)
                plan.combine(entry.group)
                for (key, value) in entry.fields where key != "title" && key != "summary" {
                    plan.combine(key)
                    plan.combine(value)
                }
                state.planStamp = plan.finalize()
            } else {
                state.cardStamp = 0
                state.planStamp = 0
            }
            if state.isPublished != wasPublished || (state.cardStamp == 0) != (oldCard == 0) {
                cardsChanged = true
                membershipChanged = true
            } else if state.cardStamp != oldCard {
                cardsChanged = true
                changedCards.insert(path)
                if state.planStamp != oldPlan { planInputsChanged = true }
            }
        }
        if !removed.isEmpty {
            cardsChanged = true
            membershipChanged = true
        }
        for url in pendingURLs { touched.formUnion(urlOwners[url] ?? []) }
        pendingEntries.formUnion(touched)
        return touched
    }

    /// Decides which entry holds each pending address (the first in path order, as `check`
    /// does) and updates the link targets; returns the paths whose target appeared, went or changed.
    func refreshTargets(_ touched: Set<String>) -> Set<String> {
        for url in pendingURLs {
            let owners = urlOwners[url] ?? []
            guard owners.count > 1, let first = documents[owners[0]]?.entry else {
                duplicateDiagnostics[url] = nil
                continue
            }
            duplicateDiagnostics[url] = owners.dropFirst().compactMap { path in
                guard let entry = documents[path]?.entry else { return nil }
                return .error(entry.displayPath, .unknown, "même adresse que « \(first.displayPath) » : \(url)",
                    hint: "gardez un seul des deux fichiers, ou renommez-en un")
            }
        }
        pendingURLs = []
        var changed: Set<String> = []
        for path in touched {
            let entry = documents[path]?.entry
            let holds = entry.map { urlOwners[$0.url]?.first == path } ?? false
            let held = entriesByPath[path] != nil
            if holds, let entry {
                entriesByPath[path] = entry
                if !held {
                    orderedPaths.insert(path, at: insertionIndex(of: path))
                    cardsChanged = true
                    membershipChanged = true
                }
            } else if held {
                entriesByPath[path] = nil
                let index = insertionIndex(of: path)
                if index < orderedPaths.count, orderedPaths[index] == path { orderedPaths.remove(at: index) }
                cardsChanged = true
                membershipChanged = true
            }
            let target: LinkResolver.Target? = holds
                ? .init(
                    url: entry!.url, isPublished: documents[path]!.isPublished, fallbackURL: entry!.collection.publishedPrefix)
                : nil
            let old = targets[path]
            if old?.url != target?.url || old?.isPublished != target?.isPublished || old?.fallbackURL != target?.fallbackURL {
                changed.insert(path)
            }
            targets[path] = target
        }
        return changed
    }

    /// Where `path` is, or would go, in `orderedPaths`.
    func insertionIndex(of path: String) -> Int {
        var low = 0
        var high = orderedPaths.count
        while low < high {
            let middle = (low + high) / 2
            if orderedPaths[middle] < path { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Renders the Markdown of the published entries among `touched`, and of those whose
    /// links look for one of `changedTargets`; forgets the bodies of entries no longer published.
    func renderMarkdown(touched: Set<String>, changedTargets: Set<String>) {
        var candidates = touched
        for target in changedTargets { candidates.formUnion(backlinks[target] ?? []) }
        var work: [Entry] = []
        for path in candidates {
            guard let state = documents[path] else { continue }
            guard let entry = entriesByPath[path], state.isPublished else {
                if state.body != nil || !state.links.isEmpty {
                    for link in state.links { backlinks[link]?.remove(path) }
                    state.body = nil
                    state.links = []
                }
                continue
            }
            work.append(entry)
        }
        guard !work.isEmpty else { return }
        let resolver = LinkResolver(targets: targets, assets: Set(assets.keys))
        let builder = self.builder
        let baseURL = config?.baseURL ?? ""
        let results = work.parallelMap { entry -> (RenderedMarkdown, Set<String>) in
            var links: Set<String> = []
            let body = builder.renderBody(entry, baseURL: baseURL) { url, position in
                for path in LiveSite.lookedUpPaths(url, from: entry) { links.insert(path) }
                return resolver.resolve(url, from: entry, at: position)
            }
            return (body, links)
        }
        for (entry, (body, links)) in zip(work, results) {
            let path = entry.relativePath
            pendingBodies.insert(path)
            guard let state = documents[path] else { continue }
            for link in state.links.subtracting(links) { backlinks[link]?.remove(path) }
            for link in links.subtracting(state.links) { backlinks[link, default: []].insert(path) }
            state.body = body
            state.links = links
            var hasher = Hasher()
            hasher.combine(state.cardStamp)
            hasher.combine(body.html)
            hasher.combine(body.headings)
            state.fullStamp = hasher.finalize()
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

    /// Every problem, as `castor check` would list them (in no order: lists sort for display).
    func collectDiagnostics() -> DiagnosticList {
        var list = DiagnosticList(listDiagnostics)
        list.append(contentsOf: Array(ignored.values))
        for state in documents.values {
            if let problem = state.readProblem { list.append(problem) }
        }
        list.append(contentsOf: configDiagnostics)
        list.append(contentsOf: templateDiagnostics)
        list.append(contentsOf: setup.missingTemplates(templates, file: loader.display(CollectionDeclarations.fileName)))
        guard config != nil else { return list }
        for state in documents.values {
            list.append(contentsOf: state.validation)
            if let body = state.body { list.append(contentsOf: body.diagnostics) }
        }
        for duplicates in duplicateDiagnostics.values { list.append(contentsOf: duplicates) }
        return list
    }

    // MARK: - Output

    /// Writes what changed; with `full`, the whole site through a staging folder.
    ///
    /// `pagesReady` is called once the pages and content files are in place, before the
    /// feeds and the sitemap are made: the browser may reload then.
    func publish(full: Bool, changedAssets: Set<String> = [], pagesReady: ((Outcome) -> Void)? = nil) -> Outcome {
        var steps = Steps()
        diagnostics = collectDiagnostics()
        var outcome = Outcome(diagnostics: diagnostics)
        steps.end("diagnostics")
        guard let config, let templates, !diagnostics.hasErrors else {
            outcome.steps = steps.list
            return outcome
        }

        // Fast path: no card changed since the last publication (text edits): same order,
        // same plan, same listings; only the changed items are swapped in. Incremental path:
        // the same items, some cards changed: those are put back in order, the plan and the
        // related fiches are kept when nothing moved and no grouping field changed.
        // An edit of a declared collection's item (few pages) takes the whole path below.
        let collectionsTouched = touchesDeclaredCollections
        let fast = !cardsChanged && !full && !collectionsTouched && lastItems != nil && lastPlan != nil
        let incremental = !fast && !full && !collectionsTouched && !membershipChanged && lastItems != nil && lastPlan != nil
        reusedPlan = fast
        var items: (fiches: [Fiche], events: [Event], ads: [Ad], pages: [Page])
        var bodies: [String: RenderedMarkdown]
        var moved = (fiches: false, others: false)
        if (fast || incremental), let last = lastItems {
            items = last
            bodies = lastBodies
            let lifetime = config.adLifetimeDays
            var changed: [Set<Int>] = [[], [], [], []]
            for path in pendingEntries {
                guard let place = itemPlaces[path], let entry = entriesByPath[path] else { continue }
                switch place.kind {
                case 0: items.fiches[place.index] = Fiche(entry)
                case 1: items.events[place.index] = Event(entry)
                case 2: items.ads[place.index] = Ad(entry, defaultLifetimeDays: lifetime)
                default: items.pages[place.index] = Page(entry)
                }
                if changedCards.contains(path) { changed[place.kind].insert(place.index) }
            }
            for path in pendingBodies where itemPlaces[path] != nil { bodies[path] = documents[path]?.body }
            if incremental {
                moved.fiches = LiveSite.reorder(&items.fiches, changed: changed[0], key: Builder.ItemOrder.key, before: Builder.ItemOrder.before)
                moved.others = LiveSite.reorder(&items.events, changed: changed[1], key: Builder.ItemOrder.key, before: Builder.ItemOrder.before)
                moved.others = LiveSite.reorder(&items.ads, changed: changed[2], key: Builder.ItemOrder.key, before: Builder.ItemOrder.before) || moved.others
                moved.others = LiveSite.reorder(&items.pages, changed: changed[3], key: Builder.ItemOrder.key, before: Builder.ItemOrder.before) || moved.others
            }
        } else {
            let published = orderedPaths.compactMap { path -> Entry? in
                documents[path]!.isPublished ? entriesByPath[path]! : nil
            }
            bodies = [:]
            bodies.reserveCapacity(published.count)
            for entry in published { bodies[entry.relativePath] = documents[entry.relativePath]?.body }
            items = Builder.sortedItems(published, config: config)
        }
        steps.end("tri")
        let keepPlan = !full && lastPlan != nil && (fast || (incremental && !moved.fiches && !moved.others && !planInputsChanged))
        // Related fiches depend on the fiches' order and themes only.
        if !(fast || (incremental && !moved.fiches && !planInputsChanged)) || lastRelated == nil {
            var relatedKey = Hasher()
            for fiche in items.fiches {
                relatedKey.combine(fiche.entry.relativePath)
                relatedKey.combine(fiche.themes)
            }
            let key = [relatedKey.finalize(), items.fiches.count]
            if lastRelated?.key != key {
                lastRelated = (key, Site.relatedFiches(items.fiches))
            }
        }
        var site = Site(
            config: config, today: options.today, fiches: items.fiches, events: items.events, ads: items.ads,
            pages: items.pages, bodies: bodies, related: lastRelated!.related)
        site.collections = (fast || incremental) ? lastCollections : publishedCollections()
        steps.end("assemblage")

        let plan = keepPlan ? lastPlan! : SitePlan(site: site)
        let context = PageContext(site: site)
        let jobs = plan.jobs
        if !keepPlan {
            // Where each item sits, for the next fast path.
            itemPlaces = [:]
            itemPlaces.reserveCapacity(jobs.count)
            for (index, job) in jobs.enumerated() {
                switch job.kind {
                case .fiche(let i): itemPlaces[site.fiches[i].entry.relativePath] = (0, i, index)
                case .event(let i): itemPlaces[site.events[i].entry.relativePath] = (1, i, index)
                case .ad(let i): itemPlaces[site.ads[i].entry.relativePath] = (2, i, index)
                case .page(let i): itemPlaces[site.pages[i].entry.relativePath] = (3, i, index)
                default: break
                }
            }
        }
        steps.end("plan")

        // Fingerprints: what each page shows. The stamps are read once per item.
        func stamps(_ paths: [String]) -> (card: [Int], full: [Int]) {
            var card: [Int] = []
            var full: [Int] = []
            card.reserveCapacity(paths.count)
            full.reserveCapacity(paths.count)
            for path in paths {
                let state = documents[path]
                card.append(state?.cardStamp ?? 0)
                full.append(state?.fullStamp ?? 0)
            }
            return (card, full)
        }
        var fingerprints: [Int]
        if fast {
            // Only the pages of the changed items can differ: every other input is a card.
            fingerprints = lastFingerprints
            for path in pendingEntries.union(pendingBodies) {
                guard let place = itemPlaces[path], let state = documents[path] else { continue }
                var hasher = Hasher()
                hasher.combine(jobs[place.job].url)
                hasher.combine(state.fullStamp)
                if place.kind == 0 {
                    for other in site.related[place.index] { hasher.combine(documents[site.fiches[other].entry.relativePath]?.cardStamp ?? 0) }
                }
                fingerprints[place.job] = hasher.finalize()
            }
        } else {
            let fiches = stamps(site.fiches.map(\.entry.relativePath))
            let events = stamps(site.events.map(\.entry.relativePath))
            let ads = stamps(site.ads.map(\.entry.relativePath))
            let pages = stamps(site.pages.map(\.entry.relativePath))
            let declared = site.collections.map { stamps($0.items.map(\.entry.relativePath)) }
            var everything = Hasher()
            for stamp in declared { everything.combine(stamp.card) }
            everything.combine(fiches.card)
            everything.combine(events.card)
            everything.combine(ads.card)
            everything.combine(pages.card)
            let allCards = everything.finalize()
            var adsHasher = Hasher()
            adsHasher.combine(ads.card)
            let allAds = adsHasher.finalize()
            // Every page's footer lists the static pages.
            var footerHasher = Hasher()
            footerHasher.combine(pages.card)
            let footer = footerHasher.finalize()
            func card(_ ref: ItemRef) -> Int {
                switch ref {
                case .fiche(let i): return fiches.card[i]
                case .event(let i): return events.card[i]
                case .ad(let i): return ads.card[i]
                case .page(let i): return pages.card[i]
                case .item(let collection, let i): return declared[collection].card[i]
                }
            }
            fingerprints = jobs.map { job -> Int in
                var hasher = Hasher()
                hasher.combine(job.url)
                hasher.combine(footer)
                switch job.kind {
                case .home, .terms, .share, .search, .notFound:
                    hasher.combine(allCards)
                case .fiche(let index):
                    hasher.combine(fiches.full[index])
                    for other in site.related[index] { hasher.combine(fiches.card[other]) }
                case .event(let index): hasher.combine(events.full[index])
                case .ad(let index): hasher.combine(ads.full[index])
                case .page(let index): hasher.combine(pages.full[index])
                case .item(let collection, let index): hasher.combine(declared[collection].full[index])
                case .listing(let listing, let page):
                    hasher.combine(listing.title)
                    hasher.combine(listing.url)
                    hasher.combine(listing.template)
                    hasher.combine(page)
                    hasher.combine(listing.pageCount)
                    for ref in listing.items(onPage: page) { hasher.combine(card(ref)) }
                    // Special listings (the ads page and its filters) may read more than their items.
                    if listing.template != "list" { hasher.combine(allAds) }
                }
                return hasher.finalize()
            }
        }
        let dirty = jobs.indices.filter { written[jobs[$0].file] != fingerprints[$0] }
        steps.end("empreintes")

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
            outcome.steps = steps.list
            return outcome
        }
        let failures = Locked<[String]>([])
        let atomic = !full

        // Content files first (a new image must be there when its page reloads): copied when
        // new or changed.
        let publishedAssets: [String]
        if fast && changedAssets.isEmpty {
            publishedAssets = lastPublishedAssets
        } else {
            let bundles = orderedPaths.compactMap { path -> Entry? in
                let entry = entriesByPath[path]!
                return entry.isBundle ? entry : nil
            }
            publishedAssets = Builder.publishedAssets(
                assets.keys.sorted(), entries: bundles, isPublished: { self.documents[$0.relativePath]!.isPublished })
        }
        var newCopied: [String: FileStamp] = fast && changedAssets.isEmpty ? copied : [:]
        if !(fast && changedAssets.isEmpty) {
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
        }
        let templatesRoot = options.templates + "/assets"
        let templateAssets = templateAssetsCopied.isEmpty || full ? Builder.templateAssets(templatesRoot) : templateAssetsCopied
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
        steps.end("copies")

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
        outcome.filesWritten += dirty.count
        outcome.pagesWritten = dirty.count
        var newWritten: [String: Int]
        if keepPlan {
            newWritten = written
            for index in dirty { newWritten[jobs[index].file] = fingerprints[index] }
        } else {
            newWritten = [:]
            newWritten.reserveCapacity(jobs.count + 16)
            for (job, fingerprint) in zip(jobs, fingerprints) { newWritten[job.file] = fingerprint }
            // Keep the extra files' fingerprints until they are made below.
            for (file, fingerprint) in written where newWritten[file] == nil && !file.hasSuffix(".html") {
                newWritten[file] = fingerprint
            }
        }
        if !full {
            // Pages and files the site no longer has.
            var stale: [String] = []
            if !keepPlan {
                for file in written.keys where newWritten[file] == nil { stale.append(file) }
            }
            for file in copied.keys where newCopied[file] == nil { stale.append(file) }
            for asset in templateAssetsCopied where !templateAssets.contains(asset) { stale.append("assets/" + asset) }
            for file in stale where unlink(root + "/" + file) == 0 { outcome.filesRemoved += 1 }
        }
        steps.end("pages")
        if !full, failures.withLock({ $0.isEmpty }) { pagesReady?(outcome) }

        // Feeds, calendars, sitemap, robots.txt: made again when what they read changed,
        // written when they differ.
        var groups = Set(Builder.ExtraFiles.allCases)
        if fast || incremental {
            groups = keepPlan ? [] : [.plan]
            for path in pendingEntries.union(pendingBodies).union(changedCards) {
                switch itemPlaces[path]?.kind {
                case 0?, 2?: groups.formUnion([.fichesAndAds, .search])
                case 1?: groups.formUnion([.agenda, .search])
                case 3?: groups.insert(.search)
                default: groups.formUnion([.fichesAndAds, .agenda, .search])
                }
            }
        }
        // Slow groups (the search index) may be left to `takeDeferredJob`, off the rebuild loop.
        let later = full ? [] : groups.intersection(deferredGroups)
        var made: [(Builder.ExtraFiles, [Feeds.File])] = []
        for group in Builder.ExtraFiles.allCases where groups.contains(group) && !later.contains(group) {
            made.append((group, Builder.extraFiles(site, plan: plan, groups: [group])))
        }
        var newExtraFiles = lastExtraFiles
        writeExtras(made, root: root, atomic: atomic, full: full, written: &newWritten, extraFiles: &newExtraFiles, outcome: &outcome, failures: failures)
        if !later.isEmpty {
            deferred = (generation + 1, site, plan, later.union(deferred?.groups ?? []))
        } else if full {
            deferred = nil
        }
        steps.end("flux")

        let problems = failures.withLock { $0 }
        if !problems.isEmpty {
            if full { writer.discard() }
            for problem in problems {
                outcome.diagnostics.append(.error(options.output, .unknown, "écriture impossible : \(problem)"))
            }
            written = [:]
            outcome.steps = steps.list
            return outcome
        }
        if full {
            do {
                try writer.commit()
            } catch {
                writer.discard()
                outcome.diagnostics.append(.error(options.output, .unknown, "écriture impossible : \(error)"))
                written = [:]
                outcome.steps = steps.list
                return outcome
            }
        }
        written = newWritten
        copied = newCopied
        templateAssetsCopied = templateAssets
        lastItems = items
        lastCollections = site.collections
        lastPlan = plan
        lastBodies = bodies
        lastFingerprints = fingerprints
        lastPublishedAssets = publishedAssets
        lastExtraFiles = newExtraFiles
        generation += 1
        pendingEntries = []
        pendingBodies = []
        changedCards = []
        planInputsChanged = false
        membershipChanged = false
        cardsChanged = false
        outcome.steps = steps.list
        return outcome
    }

    /// Writes the extra files that differ from what was written, and removes the files of a
    /// remade group that the group no longer makes (a category removed, a word gone).
    func writeExtras(
        _ made: [(Builder.ExtraFiles, [Feeds.File])], root: String, atomic: Bool, full: Bool,
        written newWritten: inout [String: Int], extraFiles: inout [Builder.ExtraFiles: Set<String>],
        outcome: inout Outcome, failures: Locked<[String]>
    ) {
        for (group, files) in made {
            var names = Set<String>()
            for file in files {
                names.insert(file.file)
                var hasher = Hasher()
                hasher.combine(file.text)
                let fingerprint = hasher.finalize()
                guard written[file.file] != fingerprint || full else {
                    newWritten[file.file] = fingerprint
                    continue
                }
                do {
                    try LiveSite.write(file.text, to: root + "/" + file.file, atomically: atomic)
                    newWritten[file.file] = fingerprint
                    outcome.filesWritten += 1
                } catch {
                    failures.withLock { $0.append("\(file.file) : \(error)") }
                }
            }
            for file in lastExtraFiles[group] ?? [] where !names.contains(file) {
                newWritten[file] = nil
                if !full, unlink(root + "/" + file) == 0 { outcome.filesRemoved += 1 }
            }
            extraFiles[group] = names
        }
    }

    // MARK: - Slow files, off the rebuild loop

    /// Groups of extra files that `update` leaves to `takeDeferredJob` (the search index, which
    /// reads every item's text: seconds on a large site). Empty: everything is made at once.
    public var deferredGroups: Set<Builder.ExtraFiles> = []
    /// Successful publications so far; a deferred job made for an older one is dropped.
    var generation = 0
    var deferred: (generation: Int, site: Site, plan: SitePlan, groups: Set<Builder.ExtraFiles>)?

    /// Slow files to make from one state of the site, on any thread.
    public struct DeferredJob: Sendable {
        public let generation: Int
        let site: Site
        let plan: SitePlan
        let groups: Set<Builder.ExtraFiles>
        public func run() -> DeferredResult {
            DeferredResult(
                generation: generation,
                files: Builder.ExtraFiles.allCases.filter(groups.contains).map { ($0, Builder.extraFiles(site, plan: plan, groups: [$0])) })
        }
    }

    public struct DeferredResult: Sendable {
        public let generation: Int
        let files: [(Builder.ExtraFiles, [Feeds.File])]
    }

    /// The slow files still to make, if any.
    public func takeDeferredJob() -> DeferredJob? {
        guard let deferred else { return nil }
        return DeferredJob(generation: deferred.generation, site: deferred.site, plan: deferred.plan, groups: deferred.groups)
    }

    /// Writes what a deferred job made, if the site has not changed since; returns what was done.
    @discardableResult
    public func finish(_ result: DeferredResult) -> Outcome? {
        guard let deferred, deferred.generation == result.generation, deferred.generation == generation else { return nil }
        var outcome = Outcome(diagnostics: diagnostics)
        var newWritten = written
        var extraFiles = lastExtraFiles
        let failures = Locked<[String]>([])
        writeExtras(result.files, root: options.output, atomic: true, full: false, written: &newWritten, extraFiles: &extraFiles, outcome: &outcome, failures: failures)
        for problem in failures.withLock({ $0 }) {
            outcome.diagnostics.append(.error(options.output, .unknown, "écriture impossible : \(problem)"))
        }
        written = newWritten
        lastExtraFiles = extraFiles
        self.deferred = nil
        return outcome
    }

    /// Makes the deferred files now (tests, and before the server stops).
    public func flushDeferred() {
        if let job = takeDeferredJob() { finish(job.run()) }
    }

    /// Puts the items at `changed` back in order among the others, which are in order:
    /// after those that come before them, and after those equal to them with a smaller path
    /// (the build's sort is stable over paths in order). Returns whether the order changed.
    static func reorder<Item, Key>(
        _ items: inout [Item], changed: Set<Int>, key: (Item) -> Key, before: (Key, Key) -> Bool
    ) -> Bool where Item: HasEntry {
        guard !changed.isEmpty else { return false }
        let old = items.map(\.entry.relativePath)
        var rest: [Item] = []
        rest.reserveCapacity(items.count)
        for (index, item) in items.enumerated() where !changed.contains(index) { rest.append(item) }
        for index in changed.sorted() {
            let item = items[index]
            let itemKey = key(item)
            let path = item.entry.relativePath
            var low = 0
            var high = rest.count
            while low < high {
                let middle = (low + high) / 2
                let otherKey = key(rest[middle])
                let goesFirst = before(otherKey, itemKey) || (!before(itemKey, otherKey) && rest[middle].entry.relativePath < path)
                if goesFirst { low = middle + 1 } else { high = middle }
            }
            rest.insert(item, at: low)
        }
        items = rest
        return !items.map(\.entry.relativePath).elementsEqual(old)
    }

    /// Writes a file; `atomically` through a temporary file and a rename, so the server
    /// never sends half a page.
    static func write(_ text: String, to path: String, atomically: Bool) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !FileIO.isDirectory(folder) { try FileIO.makeDirectories(folder) }
        guard atomically else { return try FileIO.write(text, to: path) }
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

/// The items of the site, which all wrap an entry.
protocol HasEntry {
    var entry: Entry { get }
}

extension Fiche: HasEntry {}
extension Event: HasEntry {}
extension Ad: HasEntry {}
extension Page: HasEntry {}
