/// The pages of the collection declared with `calendar:` (the agenda): its upcoming items by
/// month at its prefix and per region (`<prefix>regions/<region>/`), past ones by year
/// (`<prefix>archives/`, most recent first), and the page on sharing it (`<prefix>partager/`).
/// Its item pages are added with the other items (`SitePlan.init`).
extension SitePlan {
    static func calendarJobs(_ site: Site) -> [RenderJob] {
        guard let calendar = site.calendar, let collection = site.calendarCollection else { return [] }
        let schema = collection.schema
        var jobs: [RenderJob] = []
        func addListing(_ listing: Listing) {
            for number in 1...listing.pageCount {
                let url = listing.url(ofPage: number)
                jobs.append(RenderJob(url: url, file: URLPaths.file(for: url), kind: .listing(listing, page: number), lastModified: nil))
            }
        }
        func refs(_ indices: some Sequence<Int>) -> [ItemRef] { indices.map { .item(collection: calendar, index: $0) } }
        let prefix = schema.publishedPrefix
        let home = NavLink(schema.label, prefix)
        let upcoming = site.events.indices.filter { site.events[$0].isUpcoming(today: site.today) }
        let past = site.events.indices.filter { !site.events[$0].isUpcoming(today: site.today) }.reversed()
        if schema.hasListing {
            addListing(
                Listing(
                    url: prefix, title: schema.label, intro: schema.publishing.intro ?? "",
                    items: refs(upcoming), grouping: .month, agenda: .all(site),
                    emptyMessage: "Aucun événement à venir pour le moment."))
        }
        addListing(
            Listing(
                url: prefix + "archives/", title: "Événements passés", items: refs(past),
                breadcrumbs: [home], grouping: .year, emptyMessage: "Aucun événement passé."))
        if schema.publishing.calendar?.scope != nil {
            for (region, label) in site.config.vocabulary(CalendarSpec.scopeVocabulary) {
                let scope = AgendaScope.region(region, of: site)
                addListing(
                    Listing(
                        url: scope.folder, title: "\(schema.label) : \(label)",
                        intro: "Les prochains événements pour « \(label) ».",
                        items: refs(upcoming.filter { scope.contains(site.events[$0]) }),
                        breadcrumbs: [home], grouping: .month, agenda: scope,
                        emptyMessage: "Aucun événement à venir pour cette région pour le moment."))
            }
        }
        let share = AgendaFeeds.sharePage(site)
        jobs.append(RenderJob(url: share, file: URLPaths.file(for: share), kind: .share, lastModified: nil))
        return jobs
    }
}
