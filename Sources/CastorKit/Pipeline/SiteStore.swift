import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one pipeline of Castor: the site as read, checked, rendered and written, with what each
/// file gave.
///
/// `castor build` evaluates a fresh store in full into a staging folder, swapped in when every
/// check passed (`Purpose.build`); `castor check` evaluates one without writing
/// (`Purpose.check`); `castor serve` keeps one (`Purpose.preview`): after a change only the
/// changed files are read, checked and turned into HTML again, and only the pages whose inputs
/// changed are rendered and written. Every page records what it reads of the site while it is
/// rendered (`PageReads`); the memo graph (`QueryGraph`, `SiteStore+Queries`) renders it again
/// when one of those reads changes.
/// `LiveSiteTests` checks that the folder the preview keeps is the one `castor build` writes.
///
/// Not thread-safe: one owner calls `rebuildAll()` then `update(_:)`.
public final class SiteStore {
    /// What a store is made for.
    public enum Purpose: Sendable {
        /// `castor serve`: kept between saves; remembers what each page read, writes what changed.
        case preview
        /// `castor build`: evaluated once, in full, into a staging folder swapped in only when
        /// every check passed; the Markdown sources are let go once rendered.
        case build
        /// `castor check`: evaluated once, nothing written; the sources are kept (`inventory`).
        case check
    }

    /// The options; `output` is the folder written (served by the preview).
    public let options: BuildOptions
    public let purpose: Purpose
    let pipeline: Pipeline
    /// Whether what each file and page gave is remembered for the next change (the preview).
    var remembers: Bool { purpose == .preview }
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
        /// Paths under the content folder its links and images looked for (the preview's graph
        /// records them as the reads of its `.body`; `castor check` reads them for unused files).
        var links: Set<String> = []
        /// For a draft left out: the problems of its Markdown, as warnings.
        var draftWarnings: [Diagnostic] = []
        /// Hash of what its cards show (fields, address).
        var cardStamp = 0
        /// Hash of what the site's plan reads: fields but titles and summaries, address.
        var planStamp = 0
    }

    /// site.yml and collections.yml, as last read.
    var setup = SiteSetup()
    var config: SiteConfig?
    var configDiagnostics: [Diagnostic] = []
    var templates: TemplateSet?
    /// The templates' names as last read (`setTemplateValues`).
    var templateNames: [String] = []
    var templateDiagnostics: [Diagnostic] = []
    var listDiagnostics: [Diagnostic] = []
    var documents: [String: DocumentState] = [:]
    /// Markdown files outside the collections, with their warning or error.
    var ignored: [String: Diagnostic] = [:]
    /// Other files under the content folder, with their modification stamp.
    var assets: [String: FileStamp] = [:]
    /// Symbolic links under the content folder (never published; `LinkResolver.links`), as the
    /// last whole rebuild found them.
    var symbolicLinks: [String: Bool] = [:]
    /// Address → paths of the valid entries that claim it, in path order: the first one
    /// holds it, the others are errors (as in `check`).
    var urlOwners: [String: [String]] = [:]
    var duplicateDiagnostics: [String: [Diagnostic]] = [:]
    /// Entries that hold their address, by path; and their paths in order.
    var entriesByPath: [String: Entry] = [:]
    var orderedPaths: [String] = []
    /// Link targets as the Markdown step last saw them.
    var targets: [String: LinkResolver.Target] = [:]

    /// Files of the output folder → fingerprint of what was written there.
    var written: [String: Int] = [:]
    /// Content files copied to the output, with the stamp they had.
    var copied: [String: FileStamp] = [:]
    var templateAssetsCopied: [String] = []
    /// The related items of each collection declared with `related:` (by id), and the key
    /// (`PublishedCollection.relatedKey`) they were computed for.
    var lastRelated: [String: (key: Int, related: [[Int]])] = [:]
    /// The reference fields' index of the last publication (`PageContext.references`).
    var lastReferences: ReferenceIndex?
    /// The files of the last publication's plan, and whether the checks of the whole folder must
    /// run again whatever the plan (templates changed): `publish` runs them when either says so.
    var lastPlannedFiles: Set<String>?
    var outputChecksStale = true
    /// Whether the last publication assembled the site (its collections and plan are reused
    /// while no card changes).
    var assembled = false
    var lastPlan: SitePlan?
    /// The collections' items of the last publication (`SiteStore+Collections`).
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
    /// What each page and group of extra files read when last made, and the values read
    /// (`SiteStore+Queries`); only the preview keeps it.
    var graph = QueryGraph<Query>()
    /// The map data of the collections declared with `map:` (`loadTemplates`).
    var franceMap: FranceMapData?
    /// The départements (`FranceDepartements`), and the stamp of their file: the `within` rules read it.
    var franceDepartements: FranceDepartements?
    var departementsStamp: FileStamp?
    /// The problems of that file (at the `within` rules), read with it, not at every publication.
    var departementsDiagnostics: [Diagnostic] = []
    /// The map data's problems, read with the templates (`loadTemplates`).
    var mapDiagnostics: [Diagnostic] = []
    /// The reference fields' problems as last checked: they read the fields of the items that
    /// name others and which items are published, so they are checked again only when one of
    /// those items' card or the membership changed.
    var referenceMemo: [Diagnostic]?
    /// The problems of `footer_pages` as last checked (when items came or went).
    var footerMemo: [Diagnostic]?

    /// Forgets what the output folder holds: every page and extra file is made again (the
    /// Markdown's HTML is kept: it is not in the folder).
    func forgetWritten() {
        written = [:]
        graph.forgetQueries { if case .body = $0 { return true } else { return false } }
    }
    /// Each page's index in `lastPlan`.
    var jobIndex: [String: Int] = [:]
    var lastPublishedAssets: [String] = []
    /// The files each group of extra files made at the last publication.
    var lastExtraFiles: [Pipeline.ExtraFiles: Set<String>] = [:]
    /// The editable documents in the output (`SiteStore+EditableDocuments`).
    var lastEditableDocuments: Set<String> = []
    /// Item path → its place in `lastCollections` (the collection's index, the item's index)
    /// and the index of its page in `lastPlan`.
    var itemPlaces: [String: (kind: Int, index: Int, job: Int)] = [:]
    /// Above this many changed files, a change is handled as a whole rebuild.
    static let wholeSiteThreshold = 2_000
    /// The checks of `castor build` on the files of the site (`SiteStore+OutputChecks`): the
    /// problems of step 5 of `check`, and the broken links of each page as last rendered.
    var outputProblems: [Diagnostic] = []
    var brokenLinks: [String: [GeneratedLinks.Broken]] = [:]
    /// The files a page's links are first checked against (pages, copied files, known extras).
    var linkFiles: Set<String>?
    /// Whether the last publication reused the previous order and plan, and gave the last
    /// reference index the new versions of the changed items rather than making it again (for the tests).
    var reusedPlan = false
    var refreshedReferences = false
    var hasLoaded = false

    public internal(set) var diagnostics = DiagnosticList()
    /// The named steps of the last evaluation without writing (`evaluateWithoutWriting`).
    public internal(set) var lastSteps: [(name: String, seconds: Double)] = []

    /// What one rebuild did.
    public struct Outcome: Sendable {
        public var diagnostics: DiagnosticList
        /// Pages and other files written, content files copied.
        public var filesWritten = 0
        /// HTML pages among them.
        public var pagesWritten = 0
        /// Content files and template assets the site holds (copied or kept).
        public var filesCopied = 0
        public var filesRemoved = 0
        /// Markdown files read again.
        public var documentsRead = 0
        public var seconds: Double = 0
        /// Named steps and their duration in seconds, for `castor serve --timings`.
        public var steps: [(name: String, seconds: Double)] = []
        /// Whether the output folder now shows the content (false while it has errors).
        public var published: Bool { !diagnostics.hasErrors }
    }

    public init(options: BuildOptions, markdown: MarkdownRenderer = MarkdownRenderer(), purpose: Purpose = .preview) {
        self.options = options
        self.purpose = purpose
        self.pipeline = Pipeline(options: options, markdown: markdown)
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
            list.append((name, SiteStore.seconds(since: mark)))
            mark = ContinuousClock.now
        }
    }

    // Deferred jobs (`SiteStore+Deferred`).

    /// Groups of extra files that `update` leaves to `takeDeferredJob` (the search index, which
    /// reads every item's text: seconds on a large site). Empty: everything is made at once.
    public var deferredGroups: Set<Pipeline.ExtraFiles> = []
    /// Successful publications so far; a deferred job made for an older one is dropped.
    var generation = 0
    var deferred: (generation: Int, revision: Int, site: Site, plan: SitePlan, groups: Set<Pipeline.ExtraFiles>)?
    /// Groups of a pending job whose site was let go (`publish`), to make from the next one.
    var deferredCarry: Set<Pipeline.ExtraFiles> = []

    /// Addresses whose holder must be decided again.
    var pendingURLs: Set<String> = []

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    // MARK: - Whole site

    /// Reads and checks everything, then writes the whole site (through a staging folder).
    @discardableResult
    public func rebuildAll() -> Outcome {
        let start = ContinuousClock.now
        var steps = Steps()
        evaluate(&steps)
        let read = documents.count
        forgetWritten()
        var outcome: Outcome
        if purpose == .build {
            // Every problem `castor check` would say, before anything is written.
            let prepared = prepare(&steps)
            if prepared == nil || diagnostics.hasErrors {
                outcome = Outcome(diagnostics: diagnostics)
            } else {
                letGoOfFileStates()
                outcome = publish(full: true, prepared: prepared)
            }
        } else {
            outcome = publish(full: true)
        }
        outcome.steps = steps.list + outcome.steps
        outcome.documentsRead = read
        outcome.seconds = Self.seconds(since: start)
        return outcome
    }

    /// The first steps of a whole rebuild: reads every file, checks it, decides which file holds
    /// each address, renders the Markdown (and, for `castor build`, lets go of the sources).
    func evaluate(_ steps: inout Steps) {
        graph = QueryGraph()
        documents = [:]
        ignored = [:]
        assets = [:]
        symbolicLinks = [:]
        urlOwners = [:]
        duplicateDiagnostics = [:]
        entriesByPath = [:]
        orderedPaths = []
        targets = [:]
        assembled = false
        lastPlan = nil
        outputChecksStale = true
        lastExtraFiles = [:]
        deferred = nil
        cardsChanged = true
        membershipChanged = true
        templateAssetsCopied = []
        listDiagnostics = []
        brokenLinks = [:]
        linkFiles = nil
        setup = SiteSetup.load(contentRoot: options.content)
        loader = ContentLoader(contentRoot: options.content, collections: setup.collections ?? [])
        let files: [String]
        if !FileIO.isDirectory(options.content) {
            files = []
            listDiagnostics.append(
                .error(loader.displayRoot, .unknown, "dossier de contenu introuvable",
                    hint: "lancez castor depuis le dossier du dépôt, ou indiquez --content CHEMIN"))
        } else if setup.collections == nil {
            files = []  // without declarations no Markdown file can be read
        } else {
            files = loader.listFiles(&listDiagnostics, links: &symbolicLinks)
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
        if purpose == .build {
            // The YAML trees are not needed once checked (the entries hold what is).
            for state in documents.values { state.document = nil }
        }
        refreshTargets(touched)
        steps.end("vérification")
        renderMarkdown(touched: touched)
        if purpose == .build { letGoOfSources() }
        steps.end("markdown")
    }

    /// Once a one-shot build has assembled and checked the site: what each file gave is in the
    /// site (entries, bodies) and the problems are said; the per-file states (about 1.7 KB each),
    /// the address holders and the links' targets are let go before the pages are rendered.
    func letGoOfFileStates() {
        documents = [:]
        urlOwners = [:]
        targets = [:]
    }

    /// Drops the Markdown of every file once its HTML is made: a one-shot build never reads it
    /// again (the entries keep their fields, the bodies are in `DocumentState.body`).
    func letGoOfSources() {
        for (path, state) in documents {
            guard let entry = state.entry else { continue }
            let light = entry.withoutSource()
            state.entry = light
            if entriesByPath[path] != nil { entriesByPath[path] = light }
        }
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

    /// The templates, and the map data under them (`templates/data`), read again when a file
    /// under templates/ or the declarations change, not at every publication.
    /// Returns true when the départements' file changed while a `within` rule reads it: every
    /// item must then be checked again.
    @discardableResult
    func loadTemplates() -> Bool {
        (templates, templateDiagnostics) = TemplateSet.load(from: options.templates, displayRoot: options.templates)
        (franceMap, mapDiagnostics) = FranceMapData.load(
            templates: options.templates, collections: setup.collections ?? [], declarationsFile: loader.display(CollectionDeclarations.fileName))
        (franceDepartements, departementsDiagnostics) = FranceDepartements.load(
            templates: options.templates, collections: setup.collections ?? [], declarationsFile: loader.display(CollectionDeclarations.fileName))
        let stamp = FileStamp(options.templates + "/" + FranceDepartements.file)
        defer { departementsStamp = stamp }
        setTemplateValues()
        let hasRule = (setup.collections ?? []).contains { $0.rules.contains { if case .within = $0 { return true } else { return false } } }
        return hasRule && stamp != departementsStamp
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
        graph.advance()
        if change.templatesChanged {
            if loadTemplates() { return rebuildAll() }
            // The pages and groups made with a changed template are stale (`setTemplateValues`).
            templateAssetsCopied = []
            outputChecksStale = true
            // Which templates and assets exist, the map data: the site is assembled again (an
            // edited text alone keeps the order and the plan).
            if graph.changedNow(.templateSet) {
                cardsChanged = true
                membershipChanged = true
            }
        }
        var read = 0
        var revalidate: Set<String> = []
        var removed: Set<String> = []
        var changedAssets: Set<String> = []
        let paths = expand(change.contentPaths)
        // A branch switched, a folder copied in: reading everything again is simpler.
        if paths.count > SiteStore.wholeSiteThreshold { return rebuildAll() }
        for path in paths {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let full = options.content + "/" + path
            ignored[path] = nil
            if documents[path] != nil { removed.insert(path) }
            guard FileTree.isRegularFile(full) else {
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
        // An item folder's attachments are checked (and sized) when its index.md is.
        for asset in changedAssets {
            var folder = (asset as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                if documents[folder + "/index.md"] != nil { revalidate.insert(folder + "/index.md") }
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        steps.end("lecture")
        let touched = self.revalidate(revalidate, removed: removed)
        refreshTargets(touched)
        // A changed image: the pages that show it (its size) are made again.
        for asset in changedAssets { graph.set(.target(asset), assets[asset].map { $0.hashValue } ?? 0) }
        steps.end("vérification")
        renderMarkdown(touched: touched)
        steps.end("markdown")
        // Until a first publication succeeds (the content had errors at start), write it whole.
        var outcome = publish(full: lastPlan == nil, changedAssets: changedAssets, pagesReady: pagesReady)
        outcome.steps = steps.list + outcome.steps
        outcome.documentsRead = read
        outcome.seconds = Self.seconds(since: start)
        return outcome
    }
}
