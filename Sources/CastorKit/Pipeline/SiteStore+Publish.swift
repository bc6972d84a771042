import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The output of a `SiteStore`: `publish` writes what changed (pages, content files, extra files).
extension SiteStore {
    // MARK: - Output

    /// Writes what changed; with `full`, the whole site through a staging folder.
    ///
    /// `pagesReady` is called once the pages and content files are in place, before the
    /// feeds and the sitemap are made: the browser may reload then.
    /// `prepared`: the site already assembled and checked (`prepare`, for `castor build`).
    func publish(
        full: Bool, changedAssets: Set<String> = [], prepared: Prepared? = nil, pagesReady: ((Outcome) -> Void)? = nil
    ) -> Outcome {
        var steps = Steps()
        if prepared == nil { diagnostics = collectDiagnostics() }
        var outcome = Outcome(diagnostics: diagnostics)
        steps.end("diagnostics")
        guard let config, let templates, !diagnostics.hasErrors else {
            outcome.steps = steps.list
            return outcome
        }

        // A pending slow job is made again from this publication's site: the old site is let go
        // first, so that the items and bodies below are changed in place, not copied whole.
        if let pending = deferred {
            deferredCarry.formUnion(pending.groups)
            deferred = nil
        }
        let assembly = prepared?.assembly ?? assemble(full: full, config: config, steps: &steps)
        let (fast, keepPlan) = (assembly.fast, assembly.keepPlan)
        let site = assembly.site
        (lastCollections, lastBodies) = (site.collections, assembly.bodies)
        let plan = assembly.plan
        let jobs = plan.jobs

        // The values this publication may have changed, then the pages and groups that read one
        // which came out different. On the fast path no card changed: the order, related items,
        // references and plan are those of the last publication. (A store evaluated once has no
        // memo: every page is written.)
        let derived = DerivedFingerprints(site: site, plan: plan, references: assembly.context.references)
        setValues(site: site, plan: plan, derived: derived, fast: fast, keepPlan: keepPlan, relatedRemade: assembly.relatedRemade)
        let stale = remembers ? graph.staleQueries() : []
        let dirty = stalePages(jobs, stale: stale, keepPlan: keepPlan)
        steps.end("empreintes")

        let writer = OutputWriter(output: options.output)
        let root: String
        // The pages' folders below the top ones, made while the search index is (on ext4 without
        // a journal, after a site was deleted, the 13,000 folders of 10,000 fiches took 3.5 s of
        // one core, the other waiting).
        var deeperFolders: [String] = []
        do {
            if full {
                try writer.prepare()
                root = writer.staging
                let folders = OutputWriter.folders(of: jobs.map(\.file))
                // The top ones first: the search index's own folders are made inside one of them.
                try writer.makeFolders(folders.filter { !$0.contains("/") })
                deeperFolders = folders.filter { $0.contains("/") }
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
        // A whole build makes the search index first and lets go of its texts before the pages
        // are rendered: the peak of memory is lower than with the pages' leftovers around.
        var searchWritten: [String: Int] = [:]
        var searchFiles: [Pipeline.ExtraFiles: Set<String>] = [:]
        let (madeFolders, _) = alongside({ [deeperFolders] in
            Result { () throws(FileIO.Failure) in try writer.makeFolders(deeperFolders) }
        }) {
            guard prepared != nil else { return }
            (searchFiles, _) = makeExtras(
                site: site, plan: plan, templates: templates, references: assembly.context.references, derived: derived,
                stale: stale, premade: [:], only: [.search], full: full, root: root, atomic: atomic, written: &searchWritten, outcome: &outcome,
                failures: failures)
            steps.end("recherche")
        }
        if case .failure(let error) = madeFolders {
            writer.discard()
            outcome.diagnostics.append(.error(options.output, .unknown, "écriture impossible : \(error)"))
            outcome.steps = steps.list
            return outcome
        }
        steps.end("dossiers")

        // The content files to copy read which items are published and which files exist.
        let sameAssets = !full && assembled && !membershipChanged && changedAssets.isEmpty
        let copies = copyFiles(
            full: full, sameAssets: sameAssets, changedAssets: changedAssets, published: prepared?.publishedAssets, root: root, atomic: atomic,
            outcome: &outcome, failures: failures)
        steps.end("copies")

        // The checks of the whole folder (two sources for one file, active content, template
        // assets) read which files the site has, not what pages say: a new plan with the same
        // files (a title edit) needs them only if the extra files' names change too (below).
        // (A set: an edit that reorders a collection reorders the jobs, not the files.)
        let plannedFiles = fast ? lastPlannedFiles : Set(jobs.map(\.file))
        // (Already run on a prepared site, before anything was written.)
        let recheck = prepared == nil && (full || !changedAssets.isEmpty || outputChecksStale || plannedFiles != lastPlannedFiles)
        let links = pageLinks(
            site: site, jobs: jobs, reuse: !recheck, published: copies.published, templateAssets: copies.templateAssets)
        let pages = writePages(
            dirty, jobs: jobs, site: site, derived: derived, context: assembly.context, templates: templates,
            links: links, keepPlan: keepPlan, full: full, copies: copies, root: root, atomic: atomic, outcome: &outcome,
            failures: failures)
        var newWritten = pages.written.merging(searchWritten) { page, _ in page }
        let rendered = pages.rendered
        writeEditableDocuments(site.editableDocuments, full: full, root: root, atomic: atomic, written: &newWritten, outcome: &outcome, failures: failures)
        steps.end("pages")
        if !full, failures.withLock({ $0.isEmpty }) { pagesReady?(outcome) }

        var (newExtraFiles, laterSearchSeconds) = makeExtras(
            site: site, plan: plan, templates: templates, references: assembly.context.references, derived: derived,
            stale: stale, premade: prepared?.extras ?? [:], only: prepared != nil ? Set(Pipeline.ExtraFiles.all(site)).subtracting([.search]) : nil,
            full: full, root: root, atomic: atomic, written: &newWritten, outcome: &outcome, failures: failures)
        newExtraFiles.merge(searchFiles) { made, _ in made }
        steps.end("flux")
        if laterSearchSeconds > 0 {
            steps.list[steps.list.count - 1].seconds -= laterSearchSeconds
            steps.list.append(("recherche", laterSearchSeconds))
        }

        let problems = failures.withLock { $0 }
        if !problems.isEmpty {
            if full { writer.discard() }
            for problem in problems {
                outcome.diagnostics.append(.error(options.output, .unknown, "écriture impossible : \(problem)"))
            }
            forgetWritten()
            outcome.steps = steps.list
            return outcome
        }
        let extrasRenamed = newExtraFiles != lastExtraFiles
        written = newWritten
        copied = copies.copied
        lastPlannedFiles = plannedFiles
        outputChecksStale = false
        templateAssetsCopied = copies.templateAssets
        assembled = true
        lastPlan = plan
        // Every stale page and group was made again (or left to the deferred job, which is made
        // again until it lands): the changes seen so far are let go.
        if remembers { graph.settle() }
        lastPublishedAssets = copies.published
        lastExtraFiles = newExtraFiles
        generation += 1
        pendingEntries = []
        pendingBodies = []
        changedCards = []
        planInputsChanged = false
        membershipChanged = false
        cardsChanged = false
        // The checks of the folder as written: `castor build` keeps the old site when they fail.
        finishOutputChecks(
            site: site, plan: plan, recheck: prepared == nil && (recheck || extrasRenamed), keepPlan: keepPlan, templates: templates, published: copies.published,
            templateAssets: copies.templateAssets, extraFiles: newExtraFiles, files: newWritten, rendered: rendered,
            outcome: &outcome)
        steps.end("contrôles")
        if full {
            if purpose == .build && outcome.diagnostics.hasErrors {
                writer.discard()
                outcome.steps = steps.list
                return outcome
            }
            do {
                if let warning = try writer.commit() {
                    outcome.diagnostics.append(
                        .warning(options.output, .unknown, warning, hint: "vérifiez les droits sur le dossier qui contient « \(options.output) »"))
                }
            } catch {
                writer.discard()
                outcome.diagnostics.append(.error(options.output, .unknown, "écriture impossible : \(error)"))
                forgetWritten()
                outcome.steps = steps.list
                return outcome
            }
        }
        outcome.filesCopied = copies.published.count + copies.templateAssets.count
        outcome.steps = steps.list
        return outcome
    }

    /// What `publish` works from: which path it takes, the items in order, their site and its plan.
    struct Assembly {
        let fast: Bool
        let keepPlan: Bool
        /// The collections whose related items were computed again.
        let relatedRemade: Set<String>
        let bodies: [String: RenderedMarkdown]
        let site: Site
        let plan: SitePlan
        let context: PageContext
    }

    /// Puts the items in order (or swaps the changed ones in), assembles the site, makes or keeps the plan.
    func assemble(full: Bool, config: SiteConfig, steps: inout Steps) -> Assembly {
        // Fast path: no card changed since the last publication (text edits): same order,
        // same plan, same listings; only the changed items are swapped in. Incremental path:
        // the same items, some cards changed: those are put back in their collection's order;
        // the plan and the related items are kept when nothing moved and no grouping field changed.
        let fast = !cardsChanged && !full && assembled && lastPlan != nil
        let incremental = !fast && !full && !membershipChanged && assembled && lastPlan != nil
        reusedPlan = fast
        var bodies: [String: RenderedMarkdown]
        var collections = lastCollections
        var moved: Set<Int> = []
        if fast || incremental {
            // Taken, not shared: the changed items and bodies are replaced in place (`publish`
            // puts them back at once; the pending slow job's site was let go before).
            lastCollections = []
            bodies = lastBodies
            lastBodies = [:]
            var changed: [Int: Set<Int>] = [:]
            for path in pendingEntries {
                guard let place = itemPlaces[path], let entry = entriesByPath[path] else { continue }
                collections[place.kind].items[place.index] = Item(entry)
                if changedCards.contains(path) { changed[place.kind, default: []].insert(place.index) }
            }
            for path in pendingBodies where itemPlaces[path] != nil { bodies[path] = documents[path]?.body }
            if incremental {
                for (collection, indices) in changed where SiteStore.reorder(&collections[collection], changed: indices) {
                    moved.insert(collection)
                }
            }
        } else {
            let published = orderedPaths.compactMap { path -> Entry? in
                documents[path]!.isPublished ? entriesByPath[path]! : nil
            }
            bodies = [:]
            bodies.reserveCapacity(published.count)
            for entry in published { bodies[entry.relativePath] = documents[entry.relativePath]?.body }
            collections = publishedCollections()
        }
        steps.end("tri")
        let keepPlan = !full && lastPlan != nil && (fast || (incremental && moved.isEmpty && !planInputsChanged))
        // Related items depend on their collection's order and on the related field only.
        let relatedRemade = relate(&collections) { !(fast || (incremental && !moved.contains($0) && !planInputsChanged)) }
        var site = Site(config: config, today: options.today, bodies: bodies)
        site.collections = collections
        site.siteListings = setup.siteListings
        site.franceMap = franceMap
        site.franceDepartements = franceDepartements
        steps.end("assemblage")

        let plan = keepPlan ? lastPlan! : SitePlan(site: site)
        // The reference index reads the items' fields only: kept while no card changed, and
        // given the new versions of the changed items while their names and the order of the
        // collections that name others are the same (a title edit).
        var references: ReferenceIndex? = nil
        if fast {
            references = lastReferences
        } else if incremental, !planInputsChanged, var index = lastReferences,
            !moved.contains(where: { index.sources.contains(collections[$0].schema.id) })
        {
            lastReferences = nil  // changed in place, not copied
            index.refresh(changedCards.compactMap { entriesByPath[$0] })
            references = index
        }
        refreshedReferences = !fast && references != nil
        let context = PageContext(site: site, references: references)
        lastReferences = context.references
        let jobs = plan.jobs
        if !keepPlan {
            // Where each item sits, for the next fast path.
            itemPlaces = [:]
            itemPlaces.reserveCapacity(jobs.count)
            for (index, job) in jobs.enumerated() {
                if case .item(let collection, let i) = job.kind {
                    itemPlaces[site.collections[collection].items[i].entry.relativePath] = (collection, i, index)
                }
            }
        }
        steps.end("plan")
        return Assembly(
            fast: fast, keepPlan: keepPlan, relatedRemade: relatedRemade, bodies: bodies, site: site, plan: plan,
            context: context)
    }

    /// The content files and template assets copied, and the stamps they had.
    private struct Copies {
        let published: [String]
        let copied: [String: FileStamp]
        let templateAssets: [String]
    }

    /// Copies the content files (first: a new image must be there when its page reloads) and
    /// the template assets, when new or changed. `sameAssets`: no file came or went and no item
    /// was published or unpublished since the last publication (the same files to copy).
    /// `published`: the content files to copy, when already known (`Prepared`).
    private func copyFiles(
        full: Bool, sameAssets: Bool, changedAssets: Set<String>, published: [String]?, root: String, atomic: Bool,
        outcome: inout Outcome, failures: Locked<[String]>
    ) -> Copies {
        let publishedAssets = published ?? (sameAssets ? lastPublishedAssets : self.publishedAssets())
        var newCopied: [String: FileStamp] = sameAssets ? copied : [:]
        if !sameAssets {
            for asset in publishedAssets {
                let stamp = assets[asset]!
                newCopied[asset] = stamp
                guard full || copied[asset] != stamp || changedAssets.contains(asset) else { continue }
                do {
                    try SiteStore.copy(options.content + "/" + asset, to: root + "/" + asset, atomically: atomic)
                    outcome.filesWritten += 1
                } catch {
                    failures.withLock { $0.append("\(asset) : \(error)") }
                }
            }
        }
        let templatesRoot = options.templates + "/assets"
        let templateAssets = templateAssetsCopied.isEmpty || full ? Pipeline.templateAssets(templatesRoot) : templateAssetsCopied
        if full || templateAssets != templateAssetsCopied || templateAssetsCopied.isEmpty {
            for asset in templateAssets {
                do {
                    try SiteStore.copy(templatesRoot + "/" + asset, to: root + "/assets/" + asset, atomically: atomic)
                    outcome.filesWritten += 1
                } catch {
                    failures.withLock { $0.append("assets/\(asset) : \(error)") }
                }
            }
        }
        return Copies(published: publishedAssets, copied: newCopied, templateAssets: templateAssets)
    }

    /// The content files the site holds: all but those inside the folder of an unpublished item.
    func publishedAssets() -> [String] {
        let bundles = orderedPaths.compactMap { path -> Entry? in
            let entry = entriesByPath[path]!
            return entry.isBundle ? entry : nil
        }
        return Pipeline.publishedAssets(
            assets.keys.sorted(), entries: bundles, isPublished: { self.documents[$0.relativePath]!.isPublished })
    }

    /// Renders and writes the stale pages (recording what each reads), removes those the site no
    /// longer has (and the files no longer copied); returns the fingerprints of the output's
    /// files (0 for a page), and the links of each rendered page to none of the files of `links`.
    private func writePages(
        _ dirty: [Int], jobs: [RenderJob], site: Site, derived: DerivedFingerprints, context: PageContext,
        templates: TemplateSet, links: GeneratedLinks, keepPlan: Bool, full: Bool, copies: Copies, root: String,
        atomic: Bool, outcome: inout Outcome, failures: Locked<[String]>
    ) -> (written: [String: Int], rendered: [(page: String, broken: [GeneratedLinks.Broken])]) {
        let remembers = self.remembers
        let rendered = dirty.parallelMap { index -> (page: String, broken: [GeneratedLinks.Broken], reads: PageReads?) in
            let job = jobs[index]
            let log = remembers ? ReadLog() : nil
            let html = PageRenderer.page(job, context: log.map { context.recording(into: $0) } ?? context, templates: templates)
            do {
                try SiteStore.write(html, to: root + "/" + job.file, atomically: atomic)
            } catch {
                failures.withLock { $0.append("\(job.file) : \(error)") }
            }
            return (job.file, links.broken(in: html, page: job.file), log?.recorded)
        }
        if !remembers {
            // Evaluated once: the pages' reads are not kept, nothing is compared later.
            outcome.filesWritten += dirty.count
            outcome.pagesWritten = dirty.count
            var newWritten: [String: Int] = [:]
            for job in jobs { newWritten[job.file] = 0 }
            return (newWritten, rendered.map { ($0.page, $0.broken) })
        }
        if !keepPlan {
            jobIndex = Dictionary(jobs.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { first, _ in first })
            // The pages the site no longer has.
            for file in written.keys where jobIndex[file] == nil && graph.isKnown(.page(file)) { graph.forget(.page(file)) }
        }
        for (index, page) in zip(dirty, rendered) {
            recordPage(jobs[index].file, reads: page.reads ?? PageReads(), derived: derived)
        }
        outcome.filesWritten += dirty.count
        outcome.pagesWritten = dirty.count
        var newWritten: [String: Int]
        if keepPlan {
            newWritten = written
            for index in dirty { newWritten[jobs[index].file] = 0 }
        } else {
            newWritten = [:]
            newWritten.reserveCapacity(jobs.count + 16)
            for job in jobs { newWritten[job.file] = 0 }
            // Keep the extra files' fingerprints until they are made below (an e-mail is an
            // extra file, not a page, whatever its name).
            let extras = Set(lastExtraFiles.values.joined())
            for (file, fingerprint) in written where newWritten[file] == nil && (!file.hasSuffix(".html") || extras.contains(file)) {
                newWritten[file] = fingerprint
            }
        }
        if !full {
            // Pages and files the site no longer has.
            var stale: [String] = []
            if !keepPlan {
                for file in written.keys where newWritten[file] == nil { stale.append(file) }
            }
            for file in copied.keys where copies.copied[file] == nil { stale.append(file) }
            for asset in templateAssetsCopied where !copies.templateAssets.contains(asset) { stale.append("assets/" + asset) }
            for file in stale where unlink(root + "/" + file) == 0 { outcome.filesRemoved += 1 }
        }
        return (newWritten, rendered.map { ($0.page, $0.broken) })
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
}

/// The items of the site, which all wrap an entry.
protocol HasEntry {
    var entry: Entry { get }
}

extension Item: HasEntry {}
extension Event: HasEntry {}
