/// The whole published site once checked: what the renderer turns into files.
public struct Site: Sendable {
    public let config: SiteConfig
    /// « Today » in the site's zone (`--now`).
    public let today: LocalDate
    /// Rendered Markdown by source path.
    public let bodies: [String: RenderedMarkdown]
    /// The collections, in the order of collections.yml, each with its published items in
    /// listing order (`ItemRef.item`); items past their `lifecycle` are not published.
    public var collections: [PublishedCollection] = [] {
        didSet { (calendar, events) = Site.calendarItems(collections) }
    }
    /// The index in `collections` of the one declared with `calendar:` (the agenda), if any.
    public private(set) var calendar: Int?
    /// Its items as events, in its order (`events[i]` is `collections[calendar].items[i]`).
    public private(set) var events: [Event] = []

    static func calendarItems(_ collections: [PublishedCollection]) -> (Int?, [Event]) {
        guard let index = collections.firstIndex(where: { $0.schema.publishing.calendar != nil }),
            let spec = collections[index].schema.publishing.calendar
        else { return (nil, []) }
        return (index, collections[index].items.map { Event($0.entry, spec: spec) })
    }

    /// The agenda's collection, when one is declared with `calendar:`.
    public var calendarCollection: PublishedCollection? { calendar.map { collections[$0] } }
    /// Where the agenda's pages and files are (`agenda/`).
    public var agendaPrefix: String { calendarCollection?.schema.publishedPrefix ?? "" }
    /// The outlines of the map of France, when a collection has `map:` (`FranceMapData.load`).
    public var franceMap: FranceMapData?
    /// The départements, their région and outline (`FranceDepartements.load`): the région pages of a map.
    public var franceDepartements: FranceDepartements?

    /// The site-wide pages of vocabularies (`site_listings:` at the top of collections.yml).
    public var siteListings: [SiteListingPage] = []

    public init(config: SiteConfig, today: LocalDate, bodies: [String: RenderedMarkdown]) {
        self.config = config
        self.today = today
        self.bodies = bodies
    }
}
