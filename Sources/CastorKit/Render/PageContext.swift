import Foundation

/// Builds the Mustache contexts: plain dictionaries, which swift-mustache reads without
/// reflection.
public struct PageContext: Sendable {
    public let site: Site
    /// The main menu and the footer's static pages: the same on every page, made once.
    let menu: [NavLink]
    let footerLinks: [NavLink]
    /// The footer's pages, whose cards every page shows.
    let footerPaths: [String]
    /// Where the reads of the site are recorded, when the preview renders one page (`PageReads`).
    private(set) var log: ReadLog?
    /// What the reference fields name, and who names each item (`ReferenceIndex`).
    let references: ReferenceIndex
    /// The partials cards render once (`CardPartials`), set by `PageRenderer`, and the cards
    /// rendered so far, shared by every page made from this context.
    private(set) var cards: CardPartials?
    let cardStore = CardPartials.Store()
    /// The page partials rendered so far (`PagePartials`), shared likewise.
    let pageStore = PagePartials.Store()
    /// Each item's card, made once for all the pages that show it (a fiche's card is on about
    /// ten pages; making it was 3 % of a build), with what it read of the site when a page
    /// recorded its reads (a card shows the titles of the items its fields name): every page
    /// that shows it records them. `site` never changes in a context, nor in its copies, which
    /// share it.
    private let cardMemo = Locked<[ItemRef: (card: [String: Any], reads: PageReads?)]>([:])
    /// The menu as pages give it, one list per set of current entries: pages that show the
    /// same give the same array, whose encoding the page partials' keys then reuse
    /// (`PagePartials.Store`).
    private let navigations = Locked<[[Bool]: [[String: Any]]]>([:])
    /// `site`, the feeds every page announces and the footer's pages: the same on every page.
    private let everyPage = Locked<(site: [String: Any], feeds: [[String: Any]], footer: [[String: Any]])?>(nil)

    /// `references`: the index of the reference fields when the caller knows it unchanged (the
    /// preview, while no item's fields changed); else built from the site.
    public init(site: Site, references: ReferenceIndex? = nil) {
        self.site = site
        menu = PageContext.navigationLinks(site)
        let footer = PageContext.footerPages(site)
        footerLinks = footer.map { NavLink($0.title, $0.entry.url) }
        footerPaths = footer.map(\.entry.relativePath)
        self.references = references ?? ReferenceIndex(site: site)
    }

    /// The same context, recording what it reads of the site into `log`.
    public func recording(into log: ReadLog) -> PageContext {
        var copy = self
        copy.log = log
        return copy
    }

    /// Records that the page shows the whole content of an item (fields and body).
    func readsItem(_ path: String) { log?.item(path) }

    /// Records the template the page is made with.
    func readsTemplate(_ name: String) { log?.template(name) }

    /// Records that the page chose what it shows by a derived value (an order, related items).
    func reads(_ value: DerivedValue) { log?.value(value) }

    /// The menu's first entry, before those of the collections and site-wide listings (`navigation: true`).
    static let navigation: [NavLink] = [NavLink("Accueil", "")]

    /// Feeds every page announces in `<head>`: those of the collections declared with
    /// `feed: {head: true}`, and the agenda's newly announced events.
    var siteFeeds: [[String: Any]] {
        var feeds: [[String: Any]] = site.collections.compactMap { collection in
            let schema = collection.schema
            guard schema.publishing.feedHead, let title = schema.publishing.feedTitle else { return nil }
            return ["title": title, "url": schema.publishedPrefix + "atom.xml", "type": "application/atom+xml"]
        }
        if let agenda = site.calendarCollection?.schema.label {
            feeds.append([
                "title": "\(agenda) : événements nouvellement annoncés", "url": AgendaFeeds.atomFile(site), "type": "application/atom+xml",
            ])
        }
        return feeds
    }

    /// The calendar and JSON feeds of an agenda scope, for `<head>`.
    func agendaFeeds(_ scope: AgendaScope, label: String?) -> [[String: Any]] {
        let agenda = site.calendarCollection?.schema.label ?? ""
        let title = agenda + (label.map { " : " + $0 } ?? "") + " (iCalendar)"
        var feeds: [[String: Any]] = [["title": title, "url": scope.calendarFile, "type": "text/calendar"]]
        if scope.isAll {
            feeds.append(
                ["title": "\(agenda) : événements à venir (JSON Feed)", "url": AgendaFeeds.jsonFile(site), "type": "application/feed+json"])
        }
        return feeds
    }

    /// The keys every page has: `root`, `site`, `page`, `nav`, `breadcrumbs`, `feeds`.
    func common(
        url: String, title: String, description: String, kind: String, breadcrumbs: [NavLink] = [],
        root: String? = nil, feeds: [[String: Any]] = []
    ) -> [String: Any] {
        let config = site.config
        if let log { for path in footerPaths { log.card(path) } }
        let currents = menu.map { link in link.url.isEmpty ? url.isEmpty : url.hasPrefix(link.url) }
        let nav = navigations.value(at: currents) {
            zip(menu, currents).map { link, current -> [String: Any] in ["label": link.label, "url": link.url, "current": current] }
        }
        var crumbs: [[String: Any]] = []
        if !breadcrumbs.isEmpty {
            crumbs.append(["label": "Accueil", "url": "", "isLink": true])
            crumbs += breadcrumbs.map { ["label": $0.label, "url": $0.url, "isLink": true] }
            crumbs.append(["label": title, "url": "", "isLink": false])
        }
        let shared = everyPage.once {
            (
                site: ["title": config.title, "description": config.description, "language": config.language] as [String: Any], feeds: siteFeeds,
                footer: footerLinks.map { ["label": $0.label, "url": $0.url] as [String: Any] }
            )
        }
        return [
            "root": root ?? URLPaths.root(of: url),
            "site": shared.site,
            "page": [
                "title": title, "description": description.isEmpty ? config.description : description,
                "canonical": config.baseURL + url, "kind": kind, "isHome": kind == "home",
            ],
            "nav": nav,
            "footerPages": shared.footer,
            "breadcrumbs": crumbs,
            "hasBreadcrumbs": !crumbs.isEmpty,
            "feeds": feeds.isEmpty ? shared.feeds : shared.feeds + feeds,
        ]
    }

    /// The static pages of the footer: those of `footer_pages` that are published, in its order,
    /// or else every published page by name. Never a page the site does not have.
    static func footerPages(_ site: Site) -> [Item] {
        let pages = site.collections.filter(\.schema.publishing.footer).flatMap(\.items)
        guard let wanted = site.config.footerPages else { return pages.sorted { $0.entry.slug < $1.entry.slug } }
        let bySlug = Dictionary(pages.map { ($0.entry.slug, $0) }, uniquingKeysWith: { first, _ in first })
        return wanted.compactMap { bySlug[$0.slug] }
    }

    /// Sets `page.hasContacts` when the page holds a masked contact (`span.contact-masque`):
    /// the layout then loads `assets/contacts.js`, which turns them into buttons.
    static func markContacts(_ context: inout [String: Any], body: String, always: Bool = false) {
        guard always || TextReplace.contains(body, "class=\"\(ContactMask.revealClass)\""),
            var page = context["page"] as? [String: Any]
        else { return }
        page["hasContacts"] = true
        context["page"] = page
    }

    func termLinks(_ vocabulary: String, _ slugs: [String], prefix: String) -> [[String: Any]] {
        slugs.map { ["label": site.config.label(vocabulary, $0), "url": "\(prefix)\($0)/", "slug": $0] }
    }

    /// Optional texts are left out rather than sent empty: `{{#summary}}` is then false.
    static func compact(_ values: [String: Any]) -> [String: Any] {
        values.filter { !(($0.value as? String)?.isEmpty ?? false) }
    }

    /// A short description of any item, for listings and the home page.
    public func card(_ ref: ItemRef) -> [String: Any] {
        if let log { log.card(site.path(of: ref)) }
        if let found = cardMemo.withLock({ $0[ref] }) {
            if log == nil { return found.card }
            if let reads = found.reads {
                log?.replay(reads)
                return found.card
            }
        }
        var reads: PageReads?
        let card: [String: Any]
        if let log {
            // What making the card reads, kept for the next pages that show it.
            let inner = ReadLog()
            card = PageContext.compact(recording(into: inner).rawCard(ref))
            reads = inner.recorded
            log.replay(inner.recorded)
        } else {
            card = PageContext.compact(rawCard(ref))
        }
        cardMemo.withLock { $0[ref] = (card, reads) }
        return card
    }

    /// The card of an item on the page whose `root` is given: the card holds it, so that its
    /// partial reads nothing of the page but that (`CardPartials`). Cards are not changed once
    /// made, only given new keys (a table's `dataAttributes`).
    func card(_ ref: ItemRef, root: String) -> [String: Any] {
        let base = self.card(ref)
        var card = base
        card["root"] = root
        cards?.mark(&card, base: base, path: site.path(of: ref), root: root, store: cardStore)
        return card
    }

    /// The same context, its cards rendering their partials once (`CardPartials`).
    func renderingCards(_ cards: CardPartials?) -> PageContext {
        var copy = self
        copy.cards = cards
        return copy
    }

    /// The card of an item, its empty texts still in (the reads are recorded by `card`).
    func rawCard(_ ref: ItemRef) -> [String: Any] {
        switch ref {
        case .item(let collection, let index):
            if collection == site.calendar { return eventCard(index) }
            return itemCard(collection: collection, index: index)
        }
    }

    /// The card of an item of the agenda: its dates, status, place, region.
    func eventCard(_ index: Int) -> [String: Any] {
        let config = site.config
        let event = site.events[index]
        var meta: [String] = []
        if event.status != .confirmed { meta.append(event.status == .cancelled ? "Annulé" : "Reporté") }
        if let location = event.location { meta.append(location) }
        if let region = event.region { meta.append(config.label(CalendarSpec.scopeVocabulary, region)) }
        if event.online != nil && event.location == nil { meta.append("En ligne") }
        return [
            "title": event.title, "url": event.entry.url, "summary": event.summary, "kindLabel": site.calendarCollection?.schema.singular ?? "",
            "kind": "event", "dateLabel": Self.capitalized(event.frenchDateLabel), "dateISO": event.start.iso,
            "meta": meta.joined(separator: " · "),
        ]
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    // MARK: - Pages

    func home() -> [String: Any] {
        var context = common(url: "", title: site.config.title, description: site.config.description, kind: "home")
        if let schema = site.calendarCollection?.schema { reads(.order(schema.id)) }
        let upcoming = site.events.indices.filter { site.events[$0].isUpcoming(today: site.today) }.prefix(5)
        let root = context["root"] as? String ?? ""
        context["nextEvents"] = site.calendar.map { calendar in upcoming.map { card(.item(collection: calendar, index: $0), root: root) } } ?? []
        context["hasNextEvents"] = !upcoming.isEmpty
        context["collections"] = latestOfCollections(root: root)
        if let home = site.config.home {
            context["needs"] = home.needs.map { ["label": $0.label, "text": $0.text, "url": $0.url] }
            context["hasNeeds"] = !home.needs.isEmpty
            if let id = home.map?.collection, let index = site.collections.firstIndex(where: { $0.schema.id == id }) {
                context["map"] = collectionMap(collection: index, root: context["root"] as? String ?? "")
            }
        }
        return context
    }

    func event(_ index: Int) -> [String: Any] {
        let event = site.events[index]
        let entry = event.entry
        readsItem(entry.relativePath)
        let config = site.config
        let schema = entry.collection
        var context = common(
            url: entry.url, title: event.title, description: event.summary, kind: "event",
            breadcrumbs: [NavLink(schema.label, schema.publishedPrefix)],
            feeds: [["title": "\(event.title) (iCalendar)", "url": event.calendarFile, "type": "text/calendar"]])
        let statusLabel = event.statusLabel ?? "Confirmé"
        var values: [String: Any] = [
            "title": event.title, "summary": event.summary, "body": site.bodies[entry.relativePath]?.html ?? "",
            "dateLabel": PageContext.capitalized(event.frenchDateLabel), "startISO": event.start.iso,
            "endISO": event.end?.iso ?? "", "status": event.status.rawValue, "statusLabel": statusLabel,
            "isCancelled": event.status == .cancelled, "isPostponed": event.status == .postponed,
            "isPast": !event.isUpcoming(today: site.today),
            "icsUrl": event.calendarFile, "icsFileName": entry.slug + ".ics",
        ]
        if let location = event.location { values["location"] = location }
        if let region = event.region {
            values["regionLabel"] = config.label(CalendarSpec.scopeVocabulary, region)
            values["regionUrl"] = "regions/\(region)/"
            values["regionAgendaUrl"] = AgendaScope.region(region, of: site).folder
        }
        if let announced = event.announced {
            values["announcedISO"] = announced.iso
            values["announcedLabel"] = French.date(announced)
        }
        if let online = event.online { values["online"] = online }
        if let registration = event.registration { values["registration"] = registration }
        context["event"] = PageContext.compact(values)
        PageContext.markContacts(&context, body: values["body"] as? String ?? "")
        addEditableDocument(&context, entry: entry)
        return context
    }

    func listing(_ listing: Listing, pageNumber: Int) -> [String: Any] {
        let url = listing.url(ofPage: pageNumber)
        let title = pageNumber == 1 ? listing.title : "\(listing.title) (page \(pageNumber))"
        var crumbs = listing.breadcrumbs
        if pageNumber > 1 { crumbs.append(NavLink(listing.title, listing.url)) }
        var scopeLabel: String?
        if let region = listing.agenda?.region { scopeLabel = site.config.label(CalendarSpec.scopeVocabulary, region) }
        var context = common(
            url: url, title: title, description: listing.intro, kind: "list", breadcrumbs: crumbs,
            feeds: listing.agenda.map { agendaFeeds($0, label: scopeLabel) }
                ?? listing.collection.map { PageContext.collectionFeeds(site.collections[$0].schema) } ?? [])
        let refs = listing.items(onPage: pageNumber)
        let root = context["root"] as? String ?? ""
        var pagination: [String: Any] = ["hasPages": listing.pageCount > 1]
        if listing.pageCount > 1 {
            pagination["pages"] = Listing.pageWindow(current: pageNumber, count: listing.pageCount).map { number -> [String: Any] in
                guard let number else { return ["isGap": true] }
                return ["number": number, "url": listing.url(ofPage: number), "current": number == pageNumber, "isGap": false]
            }
            if pageNumber > 1 { pagination["prev"] = listing.url(ofPage: pageNumber - 1) }
            if pageNumber < listing.pageCount { pagination["next"] = listing.url(ofPage: pageNumber + 1) }
        }
        var values: [String: Any] = [
            "title": title, "intro": listing.intro, "isEmpty": refs.isEmpty, "emptyMessage": listing.emptyMessage,
            "pagination": pagination,
        ]
        if listing.grouping != .none {
            var sections: [[String: Any]] = []
            var currentTitle: String?
            var currentItems: [[String: Any]] = []
            for ref in refs {
                guard case .item(let collection, let index) = ref, collection == site.calendar else { continue }
                let start = site.events[index].start.date
                let title = listing.grouping == .year ? String(start.year) : PageContext.capitalized(French.monthYear(start))
                if title != currentTitle, let previous = currentTitle {
                    sections.append(["title": previous, "items": currentItems])
                    currentItems = []
                }
                currentTitle = title
                currentItems.append(card(ref, root: root))
            }
            if let currentTitle { sections.append(["title": currentTitle, "items": currentItems]) }
            context["sections"] = sections
            values["items"] = [] as [Any]
        } else {
            values["items"] = refs.map { card($0, root: root) }
        }
        context["list"] = PageContext.compact(values)
        addDatabaseBlocks(listing, pageNumber: pageNumber, to: &context)
        context["links"] = listing.links.map { ["label": $0.label, "url": $0.url] }
        context["hasLinks"] = !listing.links.isEmpty
        if let map = collectionMap(listing, pageNumber: pageNumber, root: root) ?? regionMap(listing, pageNumber: pageNumber, root: root) {
            context["map"] = map
        }
        if let scope = listing.agenda { context["agenda"] = agendaBlock(scope, label: scopeLabel) }
        return context
    }

    /// Subscribing to an agenda page's events, and its regional pages.
    func agendaBlock(_ scope: AgendaScope, label: String?) -> [String: Any] {
        let base = site.config.baseURL
        var block: [String: Any] = [
            "icsUrl": scope.calendarFile, "icsAbsolute": base + scope.calendarFile,
            "webcalAbsolute": PageContext.webcal(base + scope.calendarFile),
            "atomUrl": AgendaFeeds.atomFile(site), "jsonUrl": AgendaFeeds.jsonFile(site), "shareUrl": AgendaFeeds.sharePage(site),
            "isRegion": label != nil,
            "regions": site.config.vocabulary(CalendarSpec.scopeVocabulary).map { slug, regionLabel -> [String: Any] in
                let regionScope = AgendaScope.region(slug, of: site)
                return ["label": regionLabel, "url": regionScope.folder, "current": regionScope == scope]
            },
        ]
        if let label { block["regionLabel"] = label }
        return block
    }

    /// The `webcal://` form of an `http(s)://` address: calendar applications open it to subscribe.
    static func webcal(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) {
            return "webcal://" + url.dropFirst(scheme.count)
        }
        return url
    }

    /// `agenda/partager/`: the addresses and snippets to copy.
    func share() -> [String: Any] {
        let base = site.config.baseURL
        let url = AgendaFeeds.sharePage(site)
        let agenda = site.calendarCollection.map { NavLink($0.schema.label, $0.schema.publishedPrefix) }
        var context = common(
            url: url, title: "Partager l'agenda",
            description: "S'abonner à l'agenda dans son application de calendrier, suivre ses flux, l'afficher sur le site de son association.",
            kind: "share", breadcrumbs: agenda.map { [$0] } ?? [], feeds: agendaFeeds(.all(site), label: nil))
        let upcoming = site.events.filter { $0.isUpcoming(today: site.today) }
        // The counts of upcoming events per region read every event's region.
        if let schema = site.calendarCollection?.schema { reads(.order(schema.id)) }
        if let log { for event in site.events { log.card(event.entry.relativePath) } }
        let regions = site.config.vocabulary(CalendarSpec.scopeVocabulary)
        let example = regions.keys.first { slug in upcoming.contains { $0.region == slug } } ?? regions.keys.first ?? "bretagne"
        let widget = base + AgendaFeeds.widgetFile(site)
        context["share"] = [
            "agendaAbsolute": base + site.agendaPrefix,
            "icsAbsolute": base + AgendaScope.all(site).calendarFile,
            "webcalAbsolute": PageContext.webcal(base + AgendaScope.all(site).calendarFile),
            "atomAbsolute": base + AgendaFeeds.atomFile(site), "jsonAbsolute": base + AgendaFeeds.jsonFile(site),
            "widgetAbsolute": widget, "widgetUrl": AgendaFeeds.widgetFile(site),
            "widgetSnippet": "<script src=\"\(widget)\" async></script>",
            "widgetRegionSnippet":
                "<script src=\"\(widget)\" data-region=\"\(example)\" data-max=\"3\" async></script>",
            "exampleRegion": example, "exampleRegionLabel": site.config.label("regions", example),
            "regions": regions.map { slug, label -> [String: Any] in
                let scope = AgendaScope.region(slug, of: site)
                return [
                    "slug": slug, "label": label, "url": scope.folder, "icsAbsolute": base + scope.calendarFile,
                    "webcalAbsolute": PageContext.webcal(base + scope.calendarFile),
                    "upcomingCount": upcoming.filter(scope.contains).count,
                ]
            },
        ] as [String: Any]
        return context
    }

    func terms(_ terms: TermsPage) -> [String: Any] {
        var context = common(url: terms.url, title: terms.title, description: terms.intro, kind: "terms", breadcrumbs: terms.breadcrumbs)
        context["terms"] = PageContext.compact([
            "title": terms.title, "intro": terms.intro,
            "items": terms.items.map { ["label": $0.label, "url": $0.url, "count": $0.count] as [String: Any] },
        ])
        return context
    }

    func notFound() -> [String: Any] {
        // Served from any address: links must start from the site's own path.
        common(url: "404.html", title: "Page introuvable", description: "", kind: "404", root: site.config.basePath)
    }
}
