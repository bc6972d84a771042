/// TRANSITIONAL (issue 12, stage 1). The collections are declared in `content/collections.yml`,
/// but the renderer (SitePlan, PageContext, Feeds, AgendaFeeds, Search, Builder.sortedItems,
/// PageRenderer, ContactMask, ContentAudit, LiveSite) still has dedicated code for the four
/// kinds the site had before: fiches, agenda, petites annonces, pages. That code finds its
/// collection here, by id, and nowhere else. Stage 2 replaces this file with features switched
/// on by the declarations (order, grouping, feeds, calendar, lifecycle…) and generic templates.
///
/// A collection declared with another id is loaded, checked and offered by `castor new` and
/// the editor, but not published yet: `castor check` and `castor build` say so.
public enum BuiltinKinds {
    public static let fiches = "fiches"
    public static let events = "agenda"
    public static let ads = "annonces"
    public static let pages = "pages"
    public static let all: Set<String> = [fiches, events, ads, pages]

    /// Whether Castor can publish the items of this collection today.
    public static func canPublish(_ collection: CollectionSchema) -> Bool {
        all.contains(collection.id)
    }

    /// The template of an item page: the declared one, or the one the kind always had.
    static func template(_ collection: CollectionSchema) -> String {
        if let template = collection.template { return template }
        switch collection.id {
        case fiches: return "fiche"
        case events: return "event"
        case ads: return "ad"
        default: return "page"
        }
    }
}
