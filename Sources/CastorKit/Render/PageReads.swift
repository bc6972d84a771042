/// What one page read of the site while its context was made (issue 12: the page context reads
/// the site through a view that records its reads). The preview keeps it beside the page: the
/// page is rendered again only when one of these reads gives another value, whatever the page
/// is — a new template or a new feature that shows more of the site is followed without a
/// list of « what each page shows » written by hand.
///
/// Three granularities, matching what the preview knows has changed:
/// - `cards`: items whose card the page shows (title, address, fields: no body);
/// - `items`: items whose whole content the page shows (fields and body);
/// - `values`: derived values of the whole site the page chose items by (the order of a
///   collection, the related items of an item);
/// - `templates`: the templates it was made with (their parents and partials follow, `TemplateUses`).
public struct PageReads: Sendable, Equatable {
    public var cards: [String] = []
    public var items: [String] = []
    public var values: Set<DerivedValue> = []
    public var templates: [String] = []

    public init() {}

    /// Every item path read, at either granularity.
    public var paths: [String] { cards + items }
}

/// A value computed from many items that a page may read: when its fingerprint changes, the
/// pages that read it are rendered again even though none of the items they showed changed.
public enum DerivedValue: Sendable, Hashable {
    /// The order of the published items of a collection (by id): which come first, which exist.
    case order(String)
    /// The items related to an item (by path).
    case related(String)
    /// The site's pages and their dates (the sitemap).
    case plan
    /// The items an item names through its reference fields, and those that name it (by path).
    case references(String)

    var isRelated: Bool {
        if case .related = self { return true }
        return false
    }
}

/// The recorder a page context writes its reads to, one per page rendered by the preview (a
/// page is rendered on one thread; the lock only keeps the type honest about it).
public final class ReadLog: Sendable {
    private let reads = Locked(PageReads())

    public init() {}

    func card(_ path: String) { reads.withLock { $0.cards.append(path) } }
    func item(_ path: String) { reads.withLock { $0.items.append(path) } }
    func value(_ value: DerivedValue) { _ = reads.withLock { $0.values.insert(value) } }
    func template(_ name: String) { reads.withLock { $0.templates.append(name) } }
    /// Records again what another log recorded (a card made once, shown on another page).
    func replay(_ other: PageReads) {
        reads.withLock { reads in
            reads.cards += other.cards
            reads.items += other.items
            reads.values.formUnion(other.values)
            reads.templates += other.templates
        }
    }

    public var recorded: PageReads { reads.withLock { $0 } }
}

extension Site {
    /// The source path of the item a reference names.
    public func path(of ref: ItemRef) -> String {
        switch ref {
        case .item(let collection, let index): return collections[collection].items[index].entry.relativePath
        }
    }

    /// The paths of a collection's published items, in listing order.
    func orderedPaths(of id: String) -> [String] {
        collections.first { $0.schema.id == id }?.items.map(\.entry.relativePath) ?? []
    }

    /// The published items of a collection, in listing order: the one way for a feature to read
    /// the items of another collection by its id (the newsletter's sections, `Digest`).
    public func orderedEntries(of id: String) -> [Entry] {
        collections.first { $0.schema.id == id }?.items.map(\.entry) ?? []
    }
}

/// The current fingerprints of the derived values of one site, each computed once when first asked.
/// Not thread-safe: one owner (the preview) asks.
final class DerivedFingerprints {
    let site: Site
    /// The fingerprints computed so far.
    private var known: [DerivedValue: Int] = [:]
    /// Item path → its place, for the collections with related items.
    private lazy var relatedPlaces: [String: (collection: Int, index: Int)] = {
        var places: [String: (collection: Int, index: Int)] = [:]
        for (collection, published) in site.collections.enumerated() where published.related != nil {
            for (index, item) in published.items.enumerated() { places[item.entry.relativePath] = (collection, index) }
        }
        return places
    }()

    let plan: SitePlan?

    /// Who names whom (`.references`): the page context's index when the caller has one.
    private let givenReferences: ReferenceIndex?
    private lazy var references = givenReferences ?? ReferenceIndex(site: site)

    init(site: Site, plan: SitePlan? = nil, references: ReferenceIndex? = nil) {
        self.site = site
        self.plan = plan
        givenReferences = references
    }

    /// The fingerprint of the related items of the item at `index` (their paths, in order).
    static func related(of index: Int, in collection: PublishedCollection) -> Int {
        var hasher = Hasher()
        if let related = collection.related, index < related.count {
            for other in related[index] { hasher.combine(collection.items[other].entry.relativePath) }
        } else {
            hasher.combine(-1)
        }
        return hasher.finalize()
    }

    func fingerprint(of value: DerivedValue) -> Int {
        if let fingerprint = known[value] { return fingerprint }
        var hasher = Hasher()
        switch value {
        case .order(let id):
            for path in site.orderedPaths(of: id) { hasher.combine(path) }
        case .related(let path):
            guard let place = relatedPlaces[path] else {
                hasher.combine(-1)
                break
            }
            let fingerprint = DerivedFingerprints.related(of: place.index, in: site.collections[place.collection])
            known[value] = fingerprint
            return fingerprint
        case .references(let path):
            for other in references.related[path] ?? [] { hasher.combine(other) }
        case .plan:
            for page in plan?.sitemapEntries ?? [] {
                hasher.combine(page.url)
                hasher.combine(page.lastModified)
            }
        }
        let fingerprint = hasher.finalize()
        known[value] = fingerprint
        return fingerprint
    }
}
