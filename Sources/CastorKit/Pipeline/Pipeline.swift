import Foundation

/// The steps of the pipeline (load → validate → render Markdown → render pages → write), one
/// definition each: the site store (`SiteStore`) runs them for `castor build`, `castor check`
/// and `castor serve` alike.
public struct Pipeline: Sendable {
    public let options: BuildOptions
    let markdown: MarkdownRenderer

    public init(options: BuildOptions, markdown: MarkdownRenderer = MarkdownRenderer()) {
        self.options = options
        self.markdown = markdown
    }
}

extension Pipeline {
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
    /// declared (`PublishedCollection.ordered`; related items are computed apart, `SiteStore.relate`).
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
        /// The web editor (`editor:` in site.yml, `DecapConfig`): reads site.yml and the
        /// declarations only (whose change rebuilds everything).
        case editor

        /// Every group of a site, in the order they are made.
        public static func all(_ site: Site) -> [ExtraFiles] {
            [.agenda, .plan, .search] + site.collections.map { .collection($0.schema.id) } + [.digests, .editor]
        }
    }

    /// Every file of the site that is not a page (or those of some groups): feeds, calendars,
    /// sitemap, robots.txt.
    /// `logs` record what each group reads of the site (the preview makes a group again when a
    /// read changes, `SiteStore.makeExtras`).
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
        if groups.contains(.editor) {
            let collections = site.collections.map(\.schema)
            files += DecapConfig.files(config: site.config, collections: collections).map { Feeds.File(file: $0.path, text: $0.text) }
        }
        return files
    }
}
