/// The preview's memoised queries (`QueryGraph`): what each page and each group of extra files
/// read while it was made, and the values those reads stand for. A change sets the values it
/// touches (an item's card or whole content, a derived value of the site, what a page is asked
/// to be); only the pages and groups that read a value which came out different are made again.
extension SiteStore {
    /// The keys of the preview's graph.
    enum Query: Hashable {
        // Values.
        /// What an item's cards show (fields, address): `DocumentState.cardStamp`.
        case card(String)
        /// Everything an item's page shows of it: its card and its HTML.
        case item(String)
        /// A value computed from many items (`DerivedValue`), by its `DerivedFingerprints`.
        case derived(DerivedValue)
        /// What a page is asked to be (`RenderJob.descriptor`), by its file.
        case job(String)
        /// What a link to a content path leads to (the address of the item that holds it, and
        /// whether it is published), or a content file's stamp.
        case target(String)
        /// The text of a template, by name.
        case template(String)
        /// What every page and group reads of the templates folder besides their texts: which
        /// templates exist (an item's template is `<collection>` when there is one), which
        /// assets (the pages' links to them are checked), the map data under templates/data.
        case templateSet
        // Queries.
        /// The HTML of an item's Markdown, which read the `.target` of every path its links and
        /// images looked for.
        case body(String)
        /// A page, by its file.
        case page(String)
        /// A group of extra files.
        case extras(Pipeline.ExtraFiles)
    }

    /// The values a page or group read: its recorded reads, the templates those it was made
    /// with use, and the shape of the templates folder.
    static func keys(_ reads: PageReads, uses: TemplateUses?) -> [Query] {
        var keys: [Query] = [.templateSet]
        keys.reserveCapacity(reads.cards.count + reads.items.count + reads.values.count + 8)
        for path in reads.cards { keys.append(.card(path)) }
        for path in reads.items { keys.append(.item(path)) }
        for value in reads.values { keys.append(.derived(value)) }
        for template in reads.templates {
            for used in uses?.used(by: template) ?? [template] { keys.append(.template(used)) }
        }
        return keys
    }

    /// Gives the graph the templates as just read (`loadTemplates`): each one's text, and the
    /// folder's shape (`Query.templateSet`). A template whose text is the same changes nothing:
    /// a saved stylesheet renders no page again, a changed `event` template only the events.
    func setTemplateValues() {
        guard remembers else { return }
        let fingerprints = templates?.uses.fingerprints ?? [:]
        for name in Set(templateNames).subtracting(fingerprints.keys) { graph.set(.template(name), 0) }
        for (name, fingerprint) in fingerprints { graph.set(.template(name), fingerprint) }
        templateNames = fingerprints.keys.sorted()
        var shape = Hasher()
        shape.combine(templates == nil)
        shape.combine(templateNames)
        shape.combine(Pipeline.templateAssets(options.templates + "/assets"))
        shape.combine(FileStamp(options.templates + "/" + FranceMapData.file))
        shape.combine(FileStamp(options.templates + "/" + FranceDepartements.file))
        graph.set(.templateSet, shape.finalize())
    }

    /// Gives the graph the values a publication may have changed: the derived values some page
    /// or group read (when the items' order, related items, references or plan were made
    /// again), and what each page is asked to be (when the plan was made again).
    /// `relatedRemade`: the collections whose related items were computed again.
    func setValues(site: Site, plan: SitePlan, derived: DerivedFingerprints, fast: Bool, keepPlan: Bool, relatedRemade: Set<String>) {
        guard remembers, !fast else { return }
        // The related items of every item of the collections whose related items were computed
        // again, straight from the arrays (an item no page reads costs one entry of the journal).
        for collection in site.collections where relatedRemade.contains(collection.schema.id) {
            for (index, item) in collection.items.enumerated() {
                graph.set(.derived(.related(item.entry.relativePath)), DerivedFingerprints.related(of: index, in: collection))
            }
        }
        let referencesRemade = !refreshedReferences
        for key in graph.readValues(matching: { if case .derived(let value) = $0, !value.isRelated { return true } else { return false } }) {
            guard case .derived(let value) = key else { continue }
            let mayHaveChanged: Bool
            switch value {
            case .order: mayHaveChanged = true
            case .related: mayHaveChanged = false  // set above, collection by collection
            case .references: mayHaveChanged = referencesRemade
            case .plan: mayHaveChanged = !keepPlan
            }
            if mayHaveChanged { graph.set(key, derived.fingerprint(of: value)) }
        }
        guard !keepPlan else { return }
        for job in plan.jobs { graph.set(.job(job.file), job.descriptor(in: site)) }
    }

    /// The indices of the jobs whose page must be rendered: never rendered, or one of whose
    /// reads changed since (every job for a store evaluated once).
    func stalePages(_ jobs: [RenderJob], stale: Set<Query>, keepPlan: Bool) -> [Int] {
        guard remembers else { return Array(jobs.indices) }
        // The same pages as last time, each rendered then: only the stale ones are looked up.
        if keepPlan && !written.isEmpty {
            return stale.compactMap { if case .page(let file) = $0 { return jobIndex[file] } else { return nil } }.sorted()
        }
        return jobs.indices.filter { index in
            let key = Query.page(jobs[index].file)
            return !graph.isKnown(key) || stale.contains(key)
        }
    }

    /// Records what a page read when it was rendered (and which job it was).
    func recordPage(_ file: String, reads: PageReads, derived: DerivedFingerprints) {
        graph.record(.page(file), reads: [.job(file)] + SiteStore.keys(reads, uses: templates?.uses)) { key in
            if case .derived(let value) = key { return derived.fingerprint(of: value) }
            return nil
        }
    }

    /// Records what a group of extra files read when it was made, from the state of the site at
    /// revision `made` (a deferred job's) or now.
    func recordExtras(_ group: Pipeline.ExtraFiles, reads: PageReads, derived: DerivedFingerprints, at made: Int? = nil) {
        graph.record(.extras(group), reads: SiteStore.keys(reads, uses: templates?.uses), at: made) { key in
            if case .derived(let value) = key { return derived.fingerprint(of: value) }
            return nil
        }
    }
}
