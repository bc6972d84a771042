/// One HTML file to render.
public struct RenderJob: Sendable {
    public enum Kind: Sendable {
        case home
        /// An item of a collection (`Site.collections`).
        case item(collection: Int, index: Int)
        case listing(Listing, page: Int)
        case terms(TermsPage)
        /// `agenda/partager/`: how to subscribe to the agenda and embed it elsewhere.
        case share
        /// The search page (`recherche/`).
        case search
        case notFound
    }

    /// Root-relative address of the page (`agenda/`); the 404 page has none.
    public let url: String
    /// File written, relative to the output folder.
    public let file: String
    public let kind: Kind
    public let lastModified: LocalDate?
}

/// Every page the site is made of: items, listings per collection, group and value, site-wide
/// pages of vocabularies.
public struct SitePlan: Sendable {
    public let jobs: [RenderJob]

    init(jobs: [RenderJob]) { self.jobs = jobs }

    public init(site: Site) {
        var jobs: [RenderJob] = []
        func add(_ url: String, _ kind: RenderJob.Kind, _ date: LocalDate? = nil) {
            jobs.append(RenderJob(url: url, file: URLPaths.file(for: url), kind: kind, lastModified: date))
        }
        add("", .home)
        // The agenda's items, without a date in the sitemap.
        if let calendar = site.calendar {
            for (index, event) in site.events.enumerated() { add(event.entry.url, .item(collection: calendar, index: index)) }
        }
        add("recherche/", .search)
        // The site-wide pages of vocabularies (themes, regions).
        jobs += SitePlan.siteListingJobs(site)
        jobs += SitePlan.calendarJobs(site)
        // Every other collection: items, listing, groups' and values' listings.
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
