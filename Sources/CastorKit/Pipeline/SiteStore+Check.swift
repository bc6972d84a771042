/// A store evaluated without writing anything (`castor check`, `Purpose.check`): the problems
/// `castor build` would find before writing, and what the site is made of.
extension SiteStore {
    /// The site as `castor build` would write it, nothing written.
    public struct Evaluated: Sendable {
        public let site: Site
        public let templates: TemplateSet
        /// Content files to copy (paths under the content folder).
        public let assets: [String]
        public let plan: SitePlan
        /// Feeds, calendars, widget, sitemap, robots.txt, e-mails, the web editor (not the search index).
        public let extras: [Feeds.File]
        /// Files of `templates/assets` (paths under it).
        public let templateAssets: [String]
        /// The declarations of collections.yml.
        public let collections: [CollectionSchema]
        /// The reference fields' index (`PageContext.references`).
        public let references: ReferenceIndex
    }

    /// A whole site assembled and checked before anything is written (`castor build`, `castor check`).
    struct Prepared {
        let assembly: Assembly
        /// The extra files of every group but the search index, made once (written as they are).
        let extras: [Pipeline.ExtraFiles: [Feeds.File]]
        let publishedAssets: [String]
        let templateAssets: [String]
    }

    /// Assembles the site evaluated by `evaluate` and runs every check `castor build` makes
    /// before writing (every file of the site from one source, nothing active, template assets
    /// inside their folder), even when the content has errors: every problem is said at once.
    /// Nil without a site.yml and collections.yml to read.
    func prepare(_ steps: inout Steps) -> Prepared? {
        diagnostics = collectDiagnostics()
        guard let config else { return nil }
        let assembly = assemble(full: true, config: config, steps: &steps)
        let site = assembly.site
        lastCollections = site.collections
        let templateAssets = Pipeline.templateAssets(options.templates + "/assets")
        let published = publishedAssets()
        // Each group on its own core (the calendars and the sitemap are the long ones).
        let groups = Pipeline.ExtraFiles.all(site).filter { $0 != .search }
        let (plan, templates, references) = (assembly.plan, self.templates, assembly.context.references)
        let made = groups.parallelMap { group in
            Pipeline.extraFiles(site, plan: plan, groups: [group], templates: templates, references: references)
        }
        let extras = Dictionary(uniqueKeysWithValues: zip(groups, made))
        let names = Pipeline.ExtraFiles.all(site).flatMap { (extras[$0] ?? []).map(\.file) }
        diagnostics.append(
            contentsOf: Pipeline.outputProblems(
                site: site, plan: assembly.plan, extras: names, templates: options.templates, templateAssets: templateAssets,
                contentRoot: options.content, contentFiles: assets.keys.sorted(), publishedFiles: published,
                displayRoot: loader.displayRoot, display: loader.display))
        steps.end("assemblage")
        return Prepared(assembly: assembly, extras: extras, publishedAssets: published, templateAssets: templateAssets)
    }

    /// Reads, checks and assembles the whole site without writing it; the problems are in
    /// `diagnostics` (every one, at once), the site is returned when it has no error.
    public func evaluateWithoutWriting() -> Evaluated? {
        var steps = Steps()
        evaluate(&steps)
        let prepared = prepare(&steps)
        lastSteps = steps.list
        guard let prepared, let templates, !diagnostics.hasErrors else { return nil }
        let site = prepared.assembly.site
        return Evaluated(
            site: site, templates: templates, assets: prepared.publishedAssets, plan: prepared.assembly.plan,
            extras: Pipeline.ExtraFiles.all(site).flatMap { prepared.extras[$0] ?? [] }, templateAssets: prepared.templateAssets,
            collections: setup.collections ?? [], references: prepared.assembly.context.references)
    }

    /// The items that hold their address (drafts and expired items included), in path order.
    var heldEntries: [Entry] { orderedPaths.compactMap { entriesByPath[$0] } }

    /// What was read and checked, for `castor check`'s extra warnings (`ContentAudit`); nil
    /// without a site.yml to read. The sources are those of a store that kept them.
    public func inventory() -> ContentInventory? {
        guard let config else { return nil }
        let entries = heldEntries
        var published: Set<String> = []
        var linked: Set<String> = []
        for entry in entries {
            guard let state = documents[entry.relativePath], state.isPublished else { continue }
            published.insert(entry.relativePath)
            linked.formUnion(state.links)
        }
        return ContentInventory(
            entries: entries, published: published, assets: assets.keys.sorted(), linked: linked, config: config,
            contentRoot: options.content)
    }

    /// For each collection with a `lifecycle`: its expired items and those leaving soon.
    public func lifecycles() -> [LifecycleReport] {
        Pipeline.lifecycleReports(heldEntries, collections: setup.collections ?? [], today: options.today)
    }

    /// Items published per collection, as the last evaluation assembled them.
    public var counts: [(key: String, label: String, count: Int)] {
        lastCollections.map { ($0.schema.id, $0.schema.label.lowercased(), $0.items.count) }
    }
}
