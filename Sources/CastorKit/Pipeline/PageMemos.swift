/// The preview's memo of every page it wrote (issue 12): what the page was asked to be (its
/// job's descriptor) and what its context read of the site (`PageReads`, recorded while it was
/// rendered). A page is rendered again only when its job changed or one of its reads gives
/// another value; the reverse index says which pages read an item, so that a change of one
/// item only looks at its readers.
struct PageMemos {
    struct Memo {
        let descriptor: Int
        let reads: PageReads
    }

    private(set) var memos: [String: Memo] = [:]
    /// Item path → files of the pages that read it (card or whole).
    private(set) var readers: [String: Set<String>] = [:]

    /// Records what a page read when it was last rendered.
    mutating func record(_ file: String, descriptor: Int, reads: PageReads) {
        if let old = memos[file] { unindex(file, old.reads) }
        memos[file] = Memo(descriptor: descriptor, reads: reads)
        for path in reads.cards { readers[path, default: []].insert(file) }
        for path in reads.items { readers[path, default: []].insert(file) }
    }

    /// Forgets the pages the site no longer has.
    mutating func keepOnly(_ files: Set<String>) {
        for (file, memo) in memos where !files.contains(file) {
            unindex(file, memo.reads)
            memos[file] = nil
        }
    }

    mutating func removeAll() {
        memos = [:]
        readers = [:]
    }

    private mutating func unindex(_ file: String, _ reads: PageReads) {
        for path in reads.paths {
            readers[path]?.remove(file)
            if readers[path]?.isEmpty == true { readers[path] = nil }
        }
    }

    /// The fingerprint of what a page read, with the items' current stamps (`card`: what the
    /// item's cards show; `full`: everything its page shows) and the derived values' current
    /// fingerprints. Equal fingerprints mean the page would be rendered to the same bytes.
    static func fingerprint(
        _ memo: Memo, card: (String) -> Int, full: (String) -> Int, derived: DerivedFingerprints
    ) -> Int {
        var hasher = Hasher()
        hasher.combine(memo.descriptor)
        for path in memo.reads.cards { hasher.combine(card(path)) }
        hasher.combine(-1)
        for path in memo.reads.items { hasher.combine(full(path)) }
        // A set has no order: its values are summed.
        var values = 0
        for value in memo.reads.values {
            var one = Hasher()
            one.combine(value)
            one.combine(derived.fingerprint(of: value))
            values = values &+ one.finalize()
        }
        hasher.combine(values)
        return hasher.finalize()
    }
}

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
