import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The steps of a `SiteStore` rebuild: files touched, checks, address holders, links, Markdown, problems.
extension SiteStore {
    // MARK: - Bookkeeping

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
            // Compared with the new ones by `revalidate`.
            state?.cardStamp = old.cardStamp
            state?.planStamp = old.planStamp
            state?.isPublished = old.isPublished
        }
        if state == nil, remembers {
            graph.set(.card(path), 0)
            graph.set(.item(path), 0)
            graph.forget(.body(path))
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

    // MARK: - Steps

    /// Checks the given documents against the schema and `site.yml`; returns every path whose
    /// entry or address holder may have changed.
    func revalidate(_ paths: Set<String>, removed: Set<String>) -> Set<String> {
        var touched = paths.union(removed)
        guard let config else { return touched }
        let validator = Validator(
            config: config, contentRoot: options.content, collections: setup.collections ?? [], departements: franceDepartements)
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
            state.isPublished = entry.map { Pipeline.isPublished($0, config: config, options: options) } ?? false
            if let entry {
                var owners = urlOwners[entry.url] ?? []
                owners.insert(path, at: owners.firstIndex { $0 > path } ?? owners.endIndex)
                urlOwners[entry.url] = owners
                pendingURLs.insert(entry.url)
                // Evaluated once (build, check): nothing to compare the stamps with.
                (state.cardStamp, state.planStamp) = remembers ? SiteStore.stamps(of: entry) : (1, 0)
            } else {
                state.cardStamp = 0
                state.planStamp = 0
            }
            if remembers { graph.set(.card(path), state.cardStamp) }
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

    /// What an entry's cards show (fields, address), and what the site's plan reads of it (the
    /// same but titles and summaries), as hashes.
    static func stamps(of entry: Entry) -> (card: Int, plan: Int) {
        var card = Hasher()
        card.combine(entry.relativePath)
        card.combine(entry.url)
        card.combine(entry.group)
        card.combine(entry.fields)
        var plan = Hasher()
        plan.combine(entry.relativePath)
        plan.combine(entry.url)
        plan.combine(entry.group)
        // In key order: two equal dictionaries may list their pairs in different orders.
        for key in entry.fields.keys.sorted() where key != "title" && key != "summary" {
            plan.combine(key)
            plan.combine(entry.fields[key])
        }
        return (card.finalize(), plan.finalize())
    }

    /// Decides which entry holds each pending address (the first in path order, as `check`
    /// does) and updates the link targets (for the preview, the `.target` values its bodies read).
    func refreshTargets(_ touched: Set<String>) {
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
            targets[path] = target
            if remembers { graph.set(.target(path), target.hashValue) }
        }
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

    /// Renders the Markdown of the published entries among `touched`, and (in the preview) of
    /// those whose links looked for a path whose `.target` changed since (`Query.body`); forgets
    /// the bodies of entries no longer published.
    /// Drafts left out are rendered too, for their links and images: their problems are warnings
    /// (`DraftChecks`), as `castor check` says them.
    func renderMarkdown(touched: Set<String>) {
        var candidates = touched
        if remembers {
            for case .body(let path) in graph.staleQueries() { candidates.insert(path) }
        }
        var work: [Entry] = []
        for path in candidates {
            guard let state = documents[path] else { continue }
            guard let entry = entriesByPath[path], state.isPublished || entry.isDraft else {
                if remembers { graph.forget(.body(path)) }
                if state.body != nil || !state.links.isEmpty || !state.draftWarnings.isEmpty {
                    state.body = nil
                    state.links = []
                    state.draftWarnings = []
                }
                if remembers { graph.set(.item(path), 0) }
                continue
            }
            work.append(entry)
        }
        guard !work.isEmpty else { return }
        let resolver = LinkResolver(targets: targets, assets: Set(assets.keys), links: symbolicLinks)
        let pipeline = self.pipeline
        let baseURL = config?.baseURL ?? ""
        let siteConfig = config
        let odtShared = ODTPackage.Shared(styles: config.map { ODTWriter.styles(language: $0.language) } ?? "")
        let published = work.map { documents[$0.relativePath]!.isPublished }
        // What the links looked for: the preview's `.body` reads, `castor check`'s unused files;
        // a build needs neither.
        let keepsLinks = purpose != .build
        let results = Array(zip(work, published)).parallelMap { entry, isPublished -> (RenderedMarkdown, Set<String>) in
            var links: Set<String> = []
            var body = pipeline.renderBody(entry, baseURL: baseURL) { url, position in
                if keepsLinks { for path in SiteStore.lookedUpPaths(url, from: entry) { links.insert(path) } }
                return resolver.resolve(url, from: entry, at: position)
            }
            if isPublished, let siteConfig {
                body = pipeline.withEditableDocument(body, entry: entry, config: siteConfig, shared: odtShared) {
                    resolver.resolve($0, from: entry, at: $1)
                }
            }
            return (body, links)
        }
        for ((entry, isPublished), (body, links)) in zip(zip(work, published), results) {
            let path = entry.relativePath
            guard let state = documents[path] else { continue }
            if remembers { graph.record(.body(path), reads: links.map { .target($0) }) }
            state.links = links
            guard isPublished else {
                state.body = nil
                state.draftWarnings = DraftChecks.asWarnings(body.diagnostics)
                if remembers { graph.set(.item(path), 0) }
                continue
            }
            pendingBodies.insert(path)
            state.body = body
            state.draftWarnings = []
            guard remembers else { continue }
            var hasher = Hasher()
            hasher.combine(state.cardStamp)
            hasher.combine(body.html)
            hasher.combine(body.headings)
            hasher.combine(body.document)
            graph.set(.item(path), hasher.finalize())
        }
    }

    /// The content paths a link may stand for, as `LinkResolver` looks them up.
    static func lookedUpPaths(_ raw: String, from entry: Entry) -> [String] {
        if raw.isEmpty || raw.hasPrefix("#") || raw.hasPrefix("/") || LinkResolver.hasScheme(raw) { return [] }
        var path = Substring(raw)
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<mark] }
        let decoded = URLPaths.percentDecoded(path)
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
        list.append(contentsOf: mapDiagnostics)
        list.append(contentsOf: departementsDiagnostics)
        guard config != nil else { return list }
        for state in documents.values {
            list.append(contentsOf: state.validation)
            if let body = state.body { list.append(contentsOf: body.diagnostics) }
            list.append(contentsOf: state.draftWarnings)
        }
        for duplicates in duplicateDiagnostics.values { list.append(contentsOf: duplicates) }
        // Names are file names, never titles: only the items that name others, and which items
        // exist and are published, change these problems.
        let namesChanged = changedCards.contains { entriesByPath[$0].map { !$0.collection.referenceFields.isEmpty } ?? true }
        if membershipChanged || namesChanged || referenceMemo == nil { referenceMemo = referenceDiagnostics() }
        list.append(contentsOf: referenceMemo ?? [])
        // `footer_pages` names pages by file name: only which items exist and are published change these.
        if membershipChanged || footerMemo == nil { footerMemo = footerDiagnostics() }
        list.append(contentsOf: footerMemo ?? [])
        return list
    }
}
