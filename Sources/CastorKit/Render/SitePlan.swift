/// One HTML file to render.
public struct RenderJob: Sendable {
    public enum Kind: Sendable {
        case home
        case fiche(Int)
        /// An item of a collection published by the generic renderer (`Site.collections`).
        case item(collection: Int, index: Int)
        case listing(Listing, page: Int)
        case terms(TermsPage)
        /// `agenda/partager/`: how to subscribe to the agenda and embed it elsewhere.
        case share
        /// The search page (`recherche/`).
        case search
        case notFound
    }

    /// Root-relative address of the page (`fiches/`); the 404 page has none.
    public let url: String
    /// File written, relative to the output folder.
    public let file: String
    public let kind: Kind
    public let lastModified: LocalDate?
}

/// Every page the site is made of: items, listings per collection, type, theme and region.
public struct SitePlan: Sendable {
    public let jobs: [RenderJob]

    init(jobs: [RenderJob]) { self.jobs = jobs }

    public init(site: Site) {
        let config = site.config
        var jobs: [RenderJob] = []
        func add(_ url: String, _ kind: RenderJob.Kind, _ date: LocalDate? = nil) {
            jobs.append(RenderJob(url: url, file: URLPaths.file(for: url), kind: kind, lastModified: date))
        }
        func addListing(_ listing: Listing) {
            for number in 1...listing.pageCount {
                add(listing.url(ofPage: number), .listing(listing, page: number))
            }
        }

        add("", .home)
        for (index, fiche) in site.fiches.enumerated() { add(fiche.entry.url, .fiche(index), fiche.updated) }
        // The agenda's items, without a date in the sitemap.
        if let calendar = site.calendar {
            for (index, event) in site.events.enumerated() { add(event.entry.url, .item(collection: calendar, index: index)) }
        }
        add("recherche/", .search)

        // Fiches: all, then one listing per type.
        let types = config.vocabulary("fiche_types")
        let allFiches = site.fiches.indices.map(ItemRef.fiche)
        addListing(
            Listing(
                url: "fiches/", title: "Fiches",
                intro: "Fiches pratiques, structures juridiques et trames-types, de la plus récente à la plus ancienne.",
                items: allFiches, links: types.map { NavLink($0.value, "fiches/\($0.key)/") }))
        for (type, label) in types {
            let items = site.fiches.indices.filter { site.fiches[$0].type == type }.map(ItemRef.fiche)
            addListing(
                Listing(
                    url: "fiches/\(type)/", title: label, items: items, breadcrumbs: [NavLink("Fiches", "fiches/")],
                    emptyMessage: "Aucune fiche de ce type pour le moment."))
        }

        // Themes.
        var themeItems: [String: [ItemRef]] = [:]
        for (index, fiche) in site.fiches.enumerated() {
            for theme in fiche.themes { themeItems[theme, default: []].append(.fiche(index)) }
        }
        let themes = config.vocabulary("themes")
        jobs.append(
            RenderJob(
                url: "themes/", file: "themes/index.html",
                kind: .terms(
                    TermsPage(
                        url: "themes/", title: "Thèmes", intro: "Les fiches classées par thème.",
                        items: themes.map { ($0.value, "themes/\($0.key)/", themeItems[$0.key]?.count ?? 0) })),
                lastModified: nil))
        for (theme, label) in themes {
            addListing(
                Listing(
                    url: "themes/\(theme)/", title: "Thème : \(label)", intro: "Les fiches du thème « \(label) ».",
                    items: themeItems[theme] ?? [], breadcrumbs: [NavLink("Thèmes", "themes/")],
                    emptyMessage: "Aucune fiche sur ce thème pour le moment."))
        }

        // Regions: fiches, upcoming events and ads of the region.
        var regionItems: [String: [ItemRef]] = [:]
        for (index, fiche) in site.fiches.enumerated() {
            for region in fiche.regions { regionItems[region, default: []].append(.fiche(index)) }
        }
        if let calendar = site.calendar {
            for (index, event) in site.events.enumerated() where event.isUpcoming(today: site.today) {
                if let region = event.region { regionItems[region, default: []].append(.item(collection: calendar, index: index)) }
            }
        }
        // Declared collections with `site_listings: [regions]`.
        for (collection, published) in site.collections.enumerated() {
            guard let field = published.schema.publishing.listings.first(where: { $0.vocabulary == "regions" })?.field,
                published.schema.publishing.siteListings.contains("regions")
            else { continue }
            for (index, item) in published.items.enumerated() {
                for region in item.terms(field) { regionItems[region, default: []].append(.item(collection: collection, index: index)) }
            }
        }
        let regions = config.vocabulary("regions")
        jobs.append(
            RenderJob(
                url: "regions/", file: "regions/index.html",
                kind: .terms(
                    TermsPage(
                        url: "regions/", title: "Régions",
                        intro: "Fiches, événements à venir et annonces, région par région.",
                        items: regions.map { ($0.value, "regions/\($0.key)/", regionItems[$0.key]?.count ?? 0) })),
                lastModified: nil))
        for (region, label) in regions {
            addListing(
                Listing(
                    url: "regions/\(region)/", title: "Région : \(label)",
                    intro: "Fiches, événements à venir et annonces pour « \(label) ».",
                    items: regionItems[region] ?? [], breadcrumbs: [NavLink("Régions", "regions/")],
                    links: site.calendarCollection.map { [NavLink("\($0.schema.label) : \(label)", AgendaScope.region(region, of: site).folder)] } ?? [],
                    emptyMessage: "Rien pour cette région pour le moment."))
        }

        jobs += SitePlan.calendarJobs(site)

        // Declared collections without dedicated code: items, listing, per-value listings.
        jobs += SitePlan.collectionJobs(site)

        jobs.append(RenderJob(url: "404.html", file: "404.html", kind: .notFound, lastModified: nil))
        self.jobs = jobs
    }

    /// Pages listed in the sitemap: every HTML page but the 404.
    public var sitemapEntries: [(url: String, lastModified: LocalDate?)] {
        jobs.compactMap { job in
            if case .notFound = job.kind { return nil }
            return (job.url, job.lastModified)
        }
    }
}
