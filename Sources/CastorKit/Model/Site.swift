/// The whole published site once checked: what the renderer turns into files.
public struct Site: Sendable {
    public let config: SiteConfig
    /// « Today » in the site's zone (`--now`).
    public let today: LocalDate
    /// Newest update first.
    public let fiches: [Fiche]
    /// Rendered Markdown by source path.
    public let bodies: [String: RenderedMarkdown]
    /// Fiche index → indices of related fiches.
    public let related: [[Int]]
    /// The collections without dedicated code, in the order of collections.yml, each with its
    /// published items in listing order (`ItemRef.item`); items past their `lifecycle` are not
    /// published.
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

    public init(
        config: SiteConfig, today: LocalDate, fiches: [Fiche],
        bodies: [String: RenderedMarkdown]
    ) {
        self.init(
            config: config, today: today, fiches: fiches, bodies: bodies,
            related: Site.relatedFiches(fiches))
    }

    /// A site whose related fiches are already known (the preview reuses them while the
    /// fiches' order and themes do not change).
    init(
        config: SiteConfig, today: LocalDate, fiches: [Fiche],
        bodies: [String: RenderedMarkdown], related: [[Int]]
    ) {
        self.config = config
        self.today = today
        self.fiches = fiches
        self.bodies = bodies
        self.related = related
    }

    /// Up to five fiches sharing the most themes, most recently updated first among equals.
    /// Only the 60 most recent fiches of each theme are considered, which keeps this linear.
    static func relatedFiches(_ fiches: [Fiche], limit: Int = 5, window: Int = 60) -> [[Int]] {
        var byTheme: [String: [Int]] = [:]
        for (index, fiche) in fiches.enumerated() {
            for theme in fiche.themes { byTheme[theme, default: []].append(index) }
        }
        let themes = byTheme
        return Array(fiches.indices).parallelMap { index in
            var scores: [Int: Int] = [:]
            for theme in fiches[index].themes {
                for other in (themes[theme] ?? []).prefix(window) where other != index {
                    scores[other, default: 0] += 1
                }
            }
            return scores.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
                .prefix(limit).map(\.key)
        }
    }
}
