import Foundation

/// The pipeline, as named steps: load → validate → render Markdown → render pages → write.
public struct Builder: Sendable {
    public let options: BuildOptions
    let markdown: MarkdownRenderer

    public init(options: BuildOptions, markdown: MarkdownRenderer = MarkdownRenderer()) {
        self.options = options
        self.markdown = markdown
    }

    /// What `check` and `build` share: everything read and checked, nothing written.
    public struct Checked: Sendable {
        public let site: Site
        public let templates: TemplateSet
        /// Content files to copy (paths under the content folder).
        public let assets: [String]
        public let plan: SitePlan
        /// Feeds, calendars, widget, sitemap, robots.txt (the search index is made by `build`).
        public let extras: [Feeds.File]
        /// Files of `templates/assets` (paths under it).
        public let templateAssets: [String]
        /// The declarations of collections.yml.
        public let collections: [CollectionSchema]
        /// The reference fields' index, made once for the exports and the pages.
        public let references: ReferenceIndex
    }

    /// Reads and checks everything, reporting every problem at once. `keepingSources: false`
    /// (`build`): the Markdown of the entries is let go once rendered, and `report.inventory`
    /// (which reads it, for `castor check`) is not made.
    public func check(report: inout BuildReport, keepingSources: Bool = true) -> Checked? {
        let clock = ContinuousClock()
        var start = clock.now
        func step(_ name: String) {
            let now = clock.now
            let duration = now - start
            report.steps.append((name, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18))
            start = now
        }

        // 1. Load: site.yml, then the declarations of collections.yml, then the content.
        let setup = SiteSetup.load(contentRoot: options.content)
        report.diagnostics.append(contentsOf: setup.diagnostics)
        let loader = ContentLoader(contentRoot: options.content, collections: setup.collections ?? [])
        // Without declarations, no Markdown file can be read: only the missing folder is said.
        var loaded = setup.collections != nil || !FileIO.isDirectory(options.content) ? loader.load() : LoadedContent()
        report.diagnostics.append(contentsOf: loaded.diagnostics)
        let (templates, templateDiagnostics) = TemplateSet.load(from: options.templates, displayRoot: options.templates)
        report.diagnostics.append(contentsOf: templateDiagnostics)
        report.diagnostics.append(contentsOf: setup.missingTemplates(templates, file: loader.display(CollectionDeclarations.fileName)))
        step("lecture")
        guard var config = setup.config, let collections = setup.collections else { return nil }
        if let baseURL = options.baseURL {
            if let problem = SiteConfig.baseURLProblem(baseURL) {
                report.diagnostics.append(SiteConfig.baseURLOptionError(baseURL, problem))
                return nil
            }
            config.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        }

        // 2. Validate.
        let (departements, departementProblems) = FranceDepartements.load(
            templates: options.templates, collections: collections, declarationsFile: loader.display(CollectionDeclarations.fileName))
        report.diagnostics.append(contentsOf: departementProblems)
        let validator = Validator(config: config, contentRoot: options.content, collections: collections, departements: departements)
        var validated = loaded.documents.parallelMap { validator.validate($0) }
        loaded.documents = []  // the entries hold what is still needed of them (not the YAML trees)
        var entries: [Entry] = []
        var byURL: [String: String] = [:]  // address → file that has it
        for (entry, diagnostics) in validated {
            report.diagnostics.append(contentsOf: diagnostics)
            guard let entry else { continue }
            if let other = byURL[entry.url] {
                report.diagnostics.append(
                    .error(entry.displayPath, .unknown, "même adresse que « \(other) » : \(entry.url)",
                        hint: "gardez un seul des deux fichiers, ou renommez-en un"))
                continue
            }
            byURL[entry.url] = entry.displayPath
            entries.append(entry)
        }
        (validated, byURL) = ([], [:])
        let today = options.today
        func isPublished(_ entry: Entry) -> Bool { Builder.isPublished(entry, config: config, options: options) }
        report.diagnostics.append(
            contentsOf: Builder.checkFooterPages(
                config, collections: collections, entries: entries, file: loader.display("site.yml"), isPublished: isPublished))
        report.diagnostics.append(contentsOf: ReferenceCheck.diagnostics(entries, collections: collections, isPublished: isPublished))
        step("vérification")

        // 3. Markdown, with links checked against every item.
        var targets: [String: LinkResolver.Target] = [:]
        for entry in entries {
            targets[entry.relativePath] = .init(
                url: entry.url, isPublished: isPublished(entry), fallbackURL: entry.collection.publishedPrefix)
        }
        let resolver = LinkResolver(targets: targets, assets: Set(loaded.assets), links: loaded.links)
        var published = entries.filter(isPublished)
        let baseURL = config.baseURL
        let siteConfig = config
        let rendered = published.parallelMap { entry -> (RenderedMarkdown, [String]) in
            var links: [String] = []
            let body = renderBody(entry, baseURL: baseURL) { url, position in
                links += LiveSite.lookedUpPaths(url, from: entry)
                return resolver.resolve(url, from: entry, at: position)
            }
            return (withEditableDocument(body, entry: entry, config: siteConfig) { resolver.resolve($0, from: entry, at: $1) }, links)
        }
        var bodies: [String: RenderedMarkdown] = [:]
        var linked: Set<String> = []
        for (entry, (body, links)) in zip(published, rendered) {
            bodies[entry.relativePath] = body
            linked.formUnion(links)
            report.diagnostics.append(contentsOf: body.diagnostics)
        }
        // Drafts: not published, but their links and images are checked, as warnings.
        let drafts = entries.filter { $0.isDraft && !isPublished($0) }
        for body in drafts.parallelMap({ entry in renderBody(entry, baseURL: baseURL) { resolver.resolve($0, from: entry, at: $1) } }) {
            report.diagnostics.append(contentsOf: DraftChecks.asWarnings(body.diagnostics))
        }
        if keepingSources {
            report.inventory = ContentInventory(
                entries: entries, published: Set(published.map(\.relativePath)), assets: loaded.assets, linked: linked,
                config: config, contentRoot: options.content)
        } else {
            entries = entries.map { $0.withoutSource() }
        }
        step("markdown")

        // 4. Assemble: the site keeps its entries without their Markdown (the HTML is in `bodies`).
        report.lifecycles = Builder.lifecycleReports(entries, collections: collections, today: today)
        let sourceless = published.map { $0.withoutSource() }
        published = []

        // 5. Every file of the site, from one source each; nothing active published as is.
        let templatesRoot = options.templates + "/assets"
        let templateAssets = Builder.templateAssets(templatesRoot)
        let assets = Builder.publishedAssets(loaded.assets, entries: entries, isPublished: isPublished)
        var site = Site(config: config, today: today, bodies: bodies)
        site.collections = Builder.publishedCollections(sourceless, collections: collections).map { $0.withRelated() }
        site.siteListings = setup.siteListings
        report.counts = site.collections.map { ($0.schema.id, $0.schema.label.lowercased(), $0.items.count) }
        let (franceMap, mapProblems) = FranceMapData.load(
            templates: options.templates, collections: collections, declarationsFile: loader.display(CollectionDeclarations.fileName))
        site.franceMap = franceMap
        site.franceDepartements = departements
        report.diagnostics.append(contentsOf: mapProblems)
        let plan = SitePlan(site: site)
        let references = ReferenceIndex(site: site)
        // The web editor (`editor:` in site.yml) is part of the site: rebuilt, never lost.
        let extras = Builder.extraFiles(
            site, plan: plan, groups: Set(ExtraFiles.all(site)).subtracting([.search]), templates: templates, references: references)
            + DecapConfig.files(config: site.config, collections: collections).map { Feeds.File(file: $0.path, text: $0.text) }
        report.diagnostics.append(
            contentsOf: Builder.outputProblems(
                site: site, plan: plan, extras: extras.map(\.file), templates: options.templates, templateAssets: templateAssets,
                contentRoot: options.content, contentFiles: loaded.assets, publishedFiles: assets, displayRoot: loader.displayRoot,
                display: loader.display))
        guard let templates, !report.diagnostics.hasErrors else { return nil }
        step("assemblage")
        return Checked(
            site: site, templates: templates, assets: assets, plan: plan, extras: extras, templateAssets: templateAssets,
            collections: collections, references: references)
    }

    /// Builds the site into a staging folder, then swaps it in; on any error the output
    /// folder is left as it was.
    public func build(progress: (String) -> Void = { _ in }) -> BuildReport {
        var report = BuildReport()
        let writer = OutputWriter(output: options.output)
        if let problem = writer.checkPlace(content: options.content, templates: options.templates) {
            report.diagnostics.append(problem)
            return report
        }
        if let note = writer.linkNote { progress(note) }
        // One build at a time per output; what an interrupted build left is put back first.
        let lock: OutputWriter.Lock
        do {
            lock = try writer.lock(waiting: progress)
        } catch {
            report.diagnostics.append(
                .error(options.output, .unknown, "impossible de réserver le dossier de sortie : \(error)",
                    hint: "vérifiez les droits sur le dossier qui contient « \(options.output) »"))
            return report
        }
        defer { lock.release() }
        do {
            if let note = try writer.recover() { progress(note) }
        } catch {
            report.diagnostics.append(
                .error(options.output, .unknown, "impossible de ranger ce qu'une construction précédente a laissé : \(error)",
                    hint: "supprimez vous-même ce dossier, puis relancez la construction"))
            return report
        }
        if let problem = writer.checkContents() {
            report.diagnostics.append(problem)
            return report
        }
        guard let checked = check(report: &report, keepingSources: false) else { return report }
        let clock = ContinuousClock()
        let start = clock.now
        var searchTime = Duration.zero
        do {
            try writer.prepare()
            let plan = checked.plan
            let context = PageContext(site: checked.site, references: checked.references)
            let templatesRoot = options.templates + "/assets"
            let templateAssets = checked.templateAssets
            let extras = checked.extras
            let searchStart = clock.now
            // Written (below) before the pages, then let go: its texts do not wait for them.
            var searchFiles = SearchIndex(site: checked.site).files
            searchTime = clock.now - searchStart
            let extra = extras.map(\.file) + searchFiles.map(\.path)
            let documents = checked.site.editableDocuments
            let allFiles = plan.jobs.map(\.file) + extra + checked.assets + templateAssets.map { "assets/" + $0 } + documents.map(\.file)
            try writer.makeFolders(for: allFiles)
            let failures = Locked<[String]>([])
            let searchWriteStart = clock.now
            _ = searchFiles.parallelMap { file -> Bool in
                do { try writer.write(file.text, to: file.path) } catch {
                    failures.withLock { $0.append("\(file.path) : \(FileErrors.reasonOnly(error))") }
                }
                return true
            }
            searchFiles = []
            searchTime += clock.now - searchWriteStart

            let templates = checked.templates
            let links = GeneratedLinks(
                files: Set(allFiles), baseURL: checked.site.config.baseURL, basePath: checked.site.config.basePath)
            let brokenLinks = Locked(BrokenLinkReport())
            plan.jobs.parallelChunks { jobs in
                var broken = BrokenLinkReport()
                for job in jobs {
                    let html = PageRenderer.page(job, context: context, templates: templates)
                    broken.add(links.broken(in: html, page: job.file), page: job.file)
                    do {
                        try writer.write(html, to: job.file)
                    } catch {
                        failures.withLock { $0.append("\(job.file) : \(FileErrors.reasonOnly(error))") }
                    }
                }
                brokenLinks.withLock { $0.merge(broken) }
            }
            for file in extras { try writer.write(file.text, to: file.file) }
            writer.write(documents, failures: failures)
            let contentRoot = options.content
            _ = checked.assets.parallelMap { asset -> Bool in
                do { try writer.copy(from: contentRoot + "/" + asset, to: asset) } catch {
                    failures.withLock { $0.append("\(asset) : \(FileErrors.reasonOnly(error))") }
                }
                return true
            }
            for asset in templateAssets {
                try writer.copy(from: templatesRoot + "/" + asset, to: "assets/" + asset)
            }
            let linkErrors = brokenLinks.withLock { $0 }.diagnostics(templates: templates.sources, output: options.output)
            guard linkErrors.isEmpty else {
                writer.discard()
                report.diagnostics.append(contentsOf: linkErrors)
                return report
            }
            let problems = failures.withLock { $0 }
            guard problems.isEmpty else {
                writer.discard()
                for problem in problems {
                    report.diagnostics.append(.error(options.output, .unknown, "écriture impossible : \(problem)"))
                }
                return report
            }
            if let warning = try writer.commit() {
                report.diagnostics.append(
                    .warning(options.output, .unknown, warning, hint: "vérifiez les droits sur le dossier qui contient « \(options.output) »"))
            }
            report.pagesWritten = plan.jobs.count
            report.filesCopied = checked.assets.count + templateAssets.count
        } catch {
            writer.discard()
            report.diagnostics.append(
                .error(options.output, .unknown, "écriture du site impossible : \(FileErrors.describe(error))",
                    hint: "vérifiez l'espace disque et les droits sur le dossier ; l'ancien site est intact"))
            return report
        }
        let duration = clock.now - start - searchTime
        report.steps.append(("écriture", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18))
        report.steps.append(("recherche", Double(searchTime.components.seconds) + Double(searchTime.components.attoseconds) / 1e18))
        return report
    }
}

/// The steps of `check` and `build` that `castor serve` repeats on a part of the site: one
/// definition each, so the preview and the build cannot drift apart.
extension Builder {
    /// Whether an entry goes on the site: drafts only with `--drafts`, items with a `lifecycle`
    /// until they expire.
    public static func isPublished(_ entry: Entry, config: SiteConfig, options: BuildOptions) -> Bool {
        if entry.isDraft && !options.includeDrafts { return false }
        return !entry.collection.isExpired(entry, today: options.today)
    }

    /// For each collection with a `lifecycle`: its expired items and those leaving within 14
    /// days (drafts aside), soonest first.
    static func lifecycleReports(_ entries: [Entry], collections: [CollectionSchema], today: LocalDate) -> [LifecycleReport] {
        collections.compactMap { schema in
            guard let lifecycle = schema.publishing.lifecycle else { return nil }
            var report = LifecycleReport(label: schema.label)
            let items = entries.filter { $0.collection.id == schema.id && !$0.isDraft }
            report.expired = items.filter { lifecycle.isExpired($0, today: today) }.map(\.displayPath).sorted()
            report.expiring = items.compactMap { entry in
                guard lifecycle.expiresSoon(entry, today: today), let last = lifecycle.lastDay(of: entry) else { return nil }
                return (file: entry.displayPath, title: entry.title, expires: last)
            }.sorted { ($0.expires, $0.file) < ($1.expires, $1.file) }
            return report
        }
    }

    /// The HTML of one entry's Markdown, links resolved by `resolve`; `baseURL` is the site's.
    public func renderBody(_ entry: Entry, baseURL: String, resolve: (String, SourcePosition) -> LinkResolution) -> RenderedMarkdown {
        let body = markdown.render(entry.body, file: entry.displayPath, firstLine: entry.bodyFirstLine, resolve: resolve)
        // Outside cmark's lock: contacts masked (the one masking point of bodies: pages, feeds and
        // search all read this HTML), images sized and loaded lazily.
        let literal = ContactMask.literalContacts(entry.fields, collection: entry.collection)
        var html = ImageAttributes.add(
            ContactMask.maskHTML(body.html, literal: literal), pageURL: entry.url, contentRoot: options.content)
        html = PrintAddresses.add(html, pageURL: entry.url, baseURL: baseURL)
        return RenderedMarkdown(html: html, headings: body.headings, diagnostics: body.diagnostics)
    }

    /// The published items of the collections, in the order of collections.yml, each sorted as
    /// declared (`PublishedCollection.ordered`; related items are computed apart, `withRelated`).
    public static func publishedCollections(_ published: [Entry], collections: [CollectionSchema]) -> [PublishedCollection] {
        let byCollection = Dictionary(grouping: published, by: \.collection.id)
        return collections.map { PublishedCollection.ordered($0, entries: byCollection[$0.id] ?? []) }
    }

    /// `footer_pages` of site.yml names items of the collections declared with `footer: true`
    /// (the static pages): an unknown one is an error (its link would be broken on every page),
    /// an unpublished one a warning (it is left out).
    static func checkFooterPages(
        _ config: SiteConfig, collections: [CollectionSchema], entries: [Entry], file: String, isPublished: (Entry) -> Bool
    ) -> [Diagnostic] {
        guard let wanted = config.footerPages else { return [] }
        let pages = entries.filter { $0.collection.publishing.footer }
        let folder = "content/" + (collections.first { $0.publishing.footer }?.folder ?? "…")
        let bySlug = Dictionary(pages.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let known = pages.map(\.slug).sorted().joined(separator: ", ")
        return wanted.compactMap { slug, position in
            guard let page = bySlug[slug] else {
                return .error(file, position, "« footer_pages » : la page « \(slug) » n'existe pas",
                    hint: known.isEmpty
                        ? "créez \(folder)/\(slug).md, ou retirez « \(slug) » de la liste"
                        : "pages existantes : \(known) ; ou créez \(folder)/\(slug).md")
            }
            guard isPublished(page) else {
                return .warning(file, position, "« footer_pages » : la page « \(slug) » n'est pas publiée (brouillon) : elle n'apparaît pas dans le pied de page",
                    hint: "retirez « draft: true » de \(page.displayPath) pour la publier")
            }
            return nil
        }
    }

    /// Content files copied to the site: all but those inside the folder of an unpublished item.
    public static func publishedAssets(_ assets: [String], entries: [Entry], isPublished: (Entry) -> Bool) -> [String] {
        let unpublishedFolders = entries.filter { $0.isBundle && !isPublished($0) }.map { $0.sourceFolder + "/" }
        return assets.filter { asset in !unpublishedFolders.contains { asset.hasPrefix($0) } }
    }

    /// Files of `templates/assets` (paths under it), hidden ones left out.
    public static func templateAssets(_ templatesRoot: String) -> [String] {
        guard FileIO.isDirectory(templatesRoot) else { return [] }
        return ((FileManager.default.enumerator(atPath: templatesRoot)?.allObjects as? [String]) ?? [])
            .filter { !FileIO.isDirectory(templatesRoot + "/" + $0) && !($0 as NSString).lastPathComponent.hasPrefix(".") }
            .sorted()
    }

    /// Symbolic links in `templates/assets` that lead outside the templates folder (or
    /// nowhere): refused, or the file they lead to would be published.
    public static func templateAssetLinks(_ templatesRoot: String, templates: String) -> [Diagnostic] {
        guard FileIO.isDirectory(templatesRoot) else { return [] }
        let paths = ((FileManager.default.enumerator(atPath: templatesRoot)?.allObjects as? [String]) ?? []).sorted()
        let root = URL(fileURLWithPath: templatesRoot).lastPathComponent
        return paths.compactMap { path -> Diagnostic? in
            guard let link = FileTree.firstLink(under: templates, root + "/" + path), link.leavesRoot else { return nil }
            return .error(
                templatesRoot + "/" + path, .unknown,
                link.target == nil
                    ? "lien symbolique cassé : il ne mène à aucun fichier"
                    : "lien symbolique qui mène hors du dossier des gabarits : « \(link.target!) »",
                hint: "mettez une copie du vrai fichier à la place du lien")
        }
    }

    /// What the files that are not pages are made from, so that the preview makes again only
    /// those an edit can change. A new kind of file goes into the group of what it reads.
    public enum ExtraFiles: Sendable, Hashable {
        /// Calendars, agenda feeds, widget: read events (and their text).
        case agenda
        /// Sitemap, robots.txt: read the list of pages.
        case plan
        /// The search index: reads every item and its text (`build` times it apart).
        case search
        /// The feeds, exports (CSV, JSON) and map widget of one declared collection (by id): read
        /// its items (a fiche's edit remakes the fiches' feed, not the ads' feeds nor the exports).
        case collection(String)
        /// The e-mails of the newsletter issues (`digest:`, `DigestMail`): read the issues and the sections' collections.
        case digests

        /// Every group of a site, in the order they are made.
        public static func all(_ site: Site) -> [ExtraFiles] {
            [.agenda, .plan, .search] + site.collections.map { .collection($0.schema.id) } + [.digests]
        }
    }

    /// Every file of the site that is not a page (or those of some groups): feeds, calendars,
    /// sitemap, robots.txt.
    /// `logs` record what each group reads of the site (the preview makes a group again when a
    /// read changes, `LiveSite.makeExtras`).
    public static func extraFiles(
        _ site: Site, plan: SitePlan, groups: Set<ExtraFiles>? = nil, logs: [ExtraFiles: ReadLog] = [:],
        templates: TemplateSet? = nil, references: ReferenceIndex? = nil
    ) -> [Feeds.File] {
        let groups = groups ?? Set(ExtraFiles.all(site))
        var files: [Feeds.File] = []
        if groups.contains(.agenda) {
            files += AgendaFeeds.files(site, log: logs[.agenda]).map { Feeds.File(file: $0.path, text: $0.text) }
        }
        if groups.contains(.plan) {
            logs[.plan]?.value(.plan)
            files.append(Feeds.File(file: "sitemap.xml", text: Feeds.sitemap(baseURL: site.config.baseURL, pages: plan.sitemapEntries)))
            files.append(Feeds.File(file: "robots.txt", text: Feeds.robots(baseURL: site.config.baseURL)))
        }
        if groups.contains(.search) {
            files += SearchIndex(site: site, log: logs[.search]).files.map { Feeds.File(file: $0.path, text: $0.text) }
        }
        for collection in site.collections {
            let id = collection.schema.id
            let group = ExtraFiles.collection(id)
            guard groups.contains(group) else { continue }
            files += Feeds.collections(site, only: id, log: logs[group])
                + CollectionExports.files(site, only: id, references: references, log: logs[group])
                + FranceMapWidget.files(site, only: id, log: logs[group])
        }
        if groups.contains(.digests) { files += DigestMail.files(site, templates: templates, log: logs[.digests]) }
        return files
    }
}

/// Renders one job with its template.
enum PageRenderer {
    /// The template of a declared collection's item: the declared one, else
    /// `<collection id>.mustache` when the templates folder has it, else the generic `item`.
    static func itemTemplate(_ schema: CollectionSchema, templates: TemplateSet) -> String {
        if let template = schema.template { return template }
        return templates.names.contains(schema.id) && !TemplateSet.required.contains(schema.id) ? schema.id : "item"
    }

    /// The finished page, as written to the site.
    static func page(_ job: RenderJob, context: PageContext, templates: TemplateSet) -> String {
        FrenchTypography.apply(render(job, context: context, templates: templates))
    }

    static func render(_ job: RenderJob, context: PageContext, templates: TemplateSet) -> String {
        let context = context.renderingCards(templates.cards)
        switch job.kind {
        case .home: return templates.render(context.home(), template: "home")
        case .item(let collection, let index):
            let schema = context.site.collections[collection].schema
            return templates.render(context.item(collection: collection, index: index), template: PageRenderer.itemTemplate(schema, templates: templates))
        case .listing(let listing, let page):
            return templates.render(context.listing(listing, pageNumber: page), template: "list")
        case .terms(let terms): return templates.render(context.terms(terms), template: "terms")
        case .share: return templates.render(context.share(), template: "share")
        case .search: return templates.render(context.search(), template: "recherche")
        case .notFound: return templates.render(context.notFound(), template: "404")
        }
    }
}
