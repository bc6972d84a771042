/// A reference to one published item of the site.
public enum ItemRef: Sendable, Hashable {
    /// An item of `Site.collections[collection]`.
    case item(collection: Int, index: Int)
}

/// A link shown by a template: label and root-relative URL.
public struct NavLink: Sendable, Hashable {
    public let label: String
    public let url: String
    public init(_ label: String, _ url: String) {
        self.label = label
        self.url = url
    }
}

/// A listing page (possibly over several pages): a collection, a group, a value of a field.
public struct Listing: Sendable {
    public let url: String
    public let title: String
    public let intro: String
    public let items: [ItemRef]
    public let breadcrumbs: [NavLink]
    public let links: [NavLink]
    /// Agenda listings show their events under month (upcoming) or year (archives) headings.
    public let grouping: Grouping
    /// Agenda listings also offer the calendar feeds: of the whole agenda or of one region.
    public let agenda: AgendaScope?
    public let emptyMessage: String
    /// Whether items are split into pages of `perPage`.
    public let paginated: Bool
    /// Items per page (`pagination` of a declared collection).
    public var perPage = Listing.perPage
    /// The declared collection (`Site.collections`) whose items it lists, for its feed.
    public var collection: Int?

    public enum Grouping: Sendable, Hashable {
        case none
        /// « Juin 2027 » (events only).
        case month
        /// « 2025 » (events only).
        case year
    }

    public static let perPage = 30

    public init(
        url: String, title: String, intro: String = "", items: [ItemRef], breadcrumbs: [NavLink] = [],
        links: [NavLink] = [], grouping: Grouping = .none, agenda: AgendaScope? = nil,
        emptyMessage: String = "Rien à afficher pour le moment.", paginated: Bool = true
    ) {
        self.url = url
        self.title = title
        self.intro = intro
        self.items = items
        self.breadcrumbs = breadcrumbs
        self.links = links
        self.grouping = grouping
        self.agenda = agenda
        self.emptyMessage = emptyMessage
        self.paginated = paginated
    }

    public var pageCount: Int { paginated ? max(1, (items.count + perPage - 1) / perPage) : 1 }

    /// `themes/juridique/`, `themes/juridique/page/2/`, …
    public func url(ofPage number: Int) -> String {
        number == 1 ? url : url + "page/\(number)/"
    }

    /// The page numbers a listing page links to: the first and the last, and those within
    /// `around` of the current one; nil where pages are left out (« … »). A single page left
    /// out is shown instead. Every page linking to every other made a long list quadratic:
    /// 334 links on each of the 334 pages of 10,000 fiches, 1,667 on each of 1,667 at 50,000.
    public static func pageWindow(current: Int, count: Int, around: Int = 2) -> [Int?] {
        guard count > 0 else { return [] }
        let current = min(max(current, 1), count)
        let shown = Set([1, count]).union(max(1, current - around)...min(count, current + around)).sorted()
        var window: [Int?] = []
        for (number, next) in zip(shown, shown.dropFirst() + [0]) {
            window.append(number)
            if next - number == 2 { window.append(number + 1) } else if next - number > 2 { window.append(nil) }
        }
        return window
    }

    public func items(onPage number: Int) -> ArraySlice<ItemRef> {
        guard paginated else { return items[...] }
        let start = (number - 1) * perPage
        return items[min(start, items.count)..<min(start + perPage, items.count)]
    }
}

/// An index of a vocabulary (themes, regions) with counts.
public struct TermsPage: Sendable {
    public let url: String
    public let title: String
    public let intro: String
    public let items: [(label: String, url: String, count: Int)]
    /// Above the page's title (a declared collection's listings); none for themes and regions.
    public var breadcrumbs: [NavLink] = []
}

/// The events an agenda page, calendar file or widget covers.
public struct AgendaScope: Sendable, Hashable {
    /// The agenda's address prefix (`agenda/`) and the name of its calendars (`agenda`: the
    /// collection's id).
    public let prefix: String
    public let name: String
    /// A slug of `regions` (the calendar's `scope`), or nil for the whole agenda.
    public let region: String?

    public init(prefix: String, name: String, region: String? = nil) {
        self.prefix = prefix
        self.name = name
        self.region = region
    }

    /// The whole agenda of a site, and one of its regions.
    public static func all(_ site: Site) -> AgendaScope {
        AgendaScope(prefix: site.agendaPrefix, name: site.calendarCollection?.schema.id ?? "")
    }

    public static func region(_ region: String, of site: Site) -> AgendaScope {
        AgendaScope(prefix: site.agendaPrefix, name: site.calendarCollection?.schema.id ?? "", region: region)
    }

    public var isAll: Bool { region == nil }

    /// Root-relative folder of its pages and files: `agenda/`, `agenda/regions/bretagne/`.
    public var folder: String {
        region.map { prefix + "regions/\($0)/" } ?? prefix
    }

    /// Its iCalendar file: `agenda/agenda.ics`, `agenda/regions/bretagne/agenda.ics`.
    public var calendarFile: String { folder + name + ".ics" }

    public func contains(_ event: Event) -> Bool {
        region.map { event.region == $0 } ?? true
    }
}
