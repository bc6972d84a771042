/// A reference to one published item of the site.
public enum ItemRef: Sendable, Hashable {
    case fiche(Int)
    case event(Int)
    case ad(Int)
    case page(Int)
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

/// A listing page (possibly over several pages): a collection, a type, a theme, a region.
public struct Listing: Sendable {
    public let url: String
    public let title: String
    public let intro: String
    public let items: [ItemRef]
    public let breadcrumbs: [NavLink]
    public let links: [NavLink]
    /// Agenda listings show their events under month headings.
    public let groupByMonth: Bool
    public let emptyMessage: String
    /// Mustache template of the page (`list`, or `annonces` for the sortable ads page).
    public let template: String
    /// Whether items are split into pages of `perPage`.
    public let paginated: Bool

    public static let perPage = 30

    public init(
        url: String, title: String, intro: String = "", items: [ItemRef], breadcrumbs: [NavLink] = [],
        links: [NavLink] = [], groupByMonth: Bool = false, emptyMessage: String = "Rien à afficher pour le moment.",
        template: String = "list", paginated: Bool = true
    ) {
        self.url = url
        self.title = title
        self.intro = intro
        self.items = items
        self.breadcrumbs = breadcrumbs
        self.links = links
        self.groupByMonth = groupByMonth
        self.emptyMessage = emptyMessage
        self.template = template
        self.paginated = paginated
    }

    public var pageCount: Int { paginated ? max(1, (items.count + Listing.perPage - 1) / Listing.perPage) : 1 }

    /// `themes/juridique/`, `themes/juridique/page/2/`, …
    public func url(ofPage number: Int) -> String {
        number == 1 ? url : url + "page/\(number)/"
    }

    public func items(onPage number: Int) -> ArraySlice<ItemRef> {
        guard paginated else { return items[...] }
        let start = (number - 1) * Listing.perPage
        return items[min(start, items.count)..<min(start + Listing.perPage, items.count)]
    }
}

/// An index of a vocabulary (themes, regions) with counts.
public struct TermsPage: Sendable {
    public let url: String
    public let title: String
    public let intro: String
    public let items: [(label: String, url: String, count: Int)]
}
