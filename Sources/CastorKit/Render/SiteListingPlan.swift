/// The site-wide pages of the vocabularies declared under `site_listings:` at the top of
/// collections.yml (`SiteListingPage`): an index at `<vocabulary>/` with each value's count, and a
/// listing per value with the items of every collection naming the vocabulary in its own
/// `site_listings`, in the order of collections.yml (a dated collection, `calendar:`, gives its
/// upcoming events only, and each value's page links to that value's agenda).
extension SitePlan {
    static func siteListingJobs(_ site: Site) -> [RenderJob] {
        var jobs: [RenderJob] = []
        for page in site.siteListings {
            var byValue: [String: [ItemRef]] = [:]
            for (collection, published) in site.collections.enumerated() {
                let schema = published.schema
                guard schema.publishing.siteListings.contains(page.vocabulary),
                    let field = schema.publishing.listings.first(where: { $0.vocabulary == page.vocabulary })?.field
                        ?? schema.termField(on: page.vocabulary)
                else { continue }
                for (index, item) in published.items.enumerated() {
                    if collection == site.calendar && !site.events[index].isUpcoming(today: site.today) { continue }
                    for slug in item.terms(field) { byValue[slug, default: []].append(.item(collection: collection, index: index)) }
                }
            }
            let values = site.config.vocabulary(page.vocabulary)
            jobs.append(
                RenderJob(
                    url: page.url, file: URLPaths.file(for: page.url),
                    kind: .terms(TermsPage(
                        url: page.url, title: page.title, intro: page.intro,
                        items: values.map { ($0.value, page.url + $0.key + "/", byValue[$0.key]?.count ?? 0) })),
                    lastModified: nil))
            let agenda = page.vocabulary == CalendarSpec.scopeVocabulary ? site.calendarCollection : nil
            for (slug, label) in values {
                let listing = Listing(
                    url: page.url + slug + "/", title: SiteListingPage.filled(page.valueTitle, label: label),
                    intro: SiteListingPage.filled(page.valueIntro, label: label),
                    items: byValue[slug] ?? [], breadcrumbs: [NavLink(page.title, page.url)],
                    links: agenda.map { [NavLink("\($0.schema.label) : \(label)", AgendaScope.region(slug, of: site).folder)] } ?? [],
                    emptyMessage: SiteListingPage.filled(page.empty, label: label))
                for number in 1...listing.pageCount {
                    let url = listing.url(ofPage: number)
                    jobs.append(RenderJob(url: url, file: URLPaths.file(for: url), kind: .listing(listing, page: number), lastModified: nil))
                }
            }
        }
        return jobs
    }
}

extension CollectionSchema {
    /// The first term or terms field on a vocabulary of site.yml.
    public func termField(on vocabulary: String) -> String? {
        fields.first { field in
            switch field.type {
            case .term(let name), .terms(let name): return name == vocabulary
            default: return false
            }
        }?.key
    }
}
