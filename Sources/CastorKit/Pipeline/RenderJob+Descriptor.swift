/// What a page is asked to be, as one value of the preview's memo graph (`SiteStore.Query.job`):
/// a page whose job changed is rendered again.
extension RenderJob {
    /// A fingerprint of what the job asks for, items named by path (an index moves when the
    /// order changes; the item does not): its address, kind, and for listings and indexes
    /// everything the plan decided (title, texts, links, the items of the page, pagination).
    func descriptor(in site: Site) -> Int {
        var hasher = Hasher()
        hasher.combine(url)
        hasher.combine(file)
        switch kind {
        case .home: hasher.combine("home")
        case .share: hasher.combine("share")
        case .search: hasher.combine("search")
        case .notFound: hasher.combine("404")
        case .item(let collection, let index):
            hasher.combine("item")
            hasher.combine(site.path(of: .item(collection: collection, index: index)))
        case .listing(let listing, let page):
            hasher.combine("listing")
            hasher.combine(listing.title)
            hasher.combine(listing.intro)
            hasher.combine(listing.emptyMessage)
            hasher.combine(listing.breadcrumbs)
            hasher.combine(listing.links)
            hasher.combine(listing.grouping)
            hasher.combine(listing.agenda)
            hasher.combine(listing.perPage)
            hasher.combine(listing.collection)
            hasher.combine(page)
            hasher.combine(listing.pageCount)
            for ref in listing.items(onPage: page) { hasher.combine(site.path(of: ref)) }
        case .terms(let terms):
            hasher.combine("terms")
            hasher.combine(terms.title)
            hasher.combine(terms.intro)
            hasher.combine(terms.breadcrumbs)
            for item in terms.items {
                hasher.combine(item.label)
                hasher.combine(item.url)
                hasher.combine(item.count)
            }
        }
        return hasher.finalize()
    }
}
