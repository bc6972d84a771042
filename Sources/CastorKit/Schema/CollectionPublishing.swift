/// How the generic renderer publishes a declared collection (issue 12): the keys of
/// its declaration in collections.yml beyond where its files are and which fields they have.
/// Every key here is read by the generic renderer (`SitePlan`, `PageContext`, `Feeds`,
/// `SearchIndex`).
public struct CollectionPublishing: Sendable, Hashable {
    /// `order: {field, direction}`: the listings' order, ties by title. Without it: by title.
    public struct Order: Sendable, Hashable {
        public let field: String
        public let descending: Bool
    }

    public var order: Order?
    /// `pagination`: items per listing page.
    public var perPage: Int = 30
    /// `listings`: vocabularies of site.yml with a listing page per value, under the
    /// collection's prefix: `<prefix><field>/<value>/` and a terms index at `<prefix><field>/`.
    /// Each is the vocabulary of a `term` / `terms` field of the collection (`field`).
    public var listings: [(vocabulary: String, field: String)] = []
    /// `card`: fields shown on cards, in order.
    public var card: [String] = []
    /// `feed: {title}`: an Atom feed at `<prefix>atom.xml`.
    public var feedTitle: String?
    /// `search: {label}`: the items go into the search index under this type label.
    public var searchLabel: String?
    /// `navigation: true`: an entry in the main menu, under `menu_label` (`CollectionTexts`) or its label.
    public var navigation = false
    public var menuLabel: String?
    /// `footer: true`: its items are the footer's links on every page (in the order of
    /// `footer_pages` of site.yml, else by file name).
    public var footer = false
    /// `stale: {field, after_days, message}`: a `castor check` warning on old items (`StaleItems`).
    public var stale: StaleRule?
    /// `table`, `export`, `stats`: the listing as a small database (`CollectionTable.swift`).
    public var table: CollectionTable?
    public var exports: [ExportFormat] = []
    public var stats: CollectionStatsSpec?
    /// `odt`: editable OpenDocument texts of the items (`EditableDocumentDeclaration`; read for every collection).
    public var editableDocuments: EditableDocumentDeclaration?
    /// `map: {field, latitude, longitude}`: the map of France on the listing page (`CollectionMap`).
    public var map: CollectionMap?
    /// `lifecycle: {field, from, default_days}`: items leave the site after a date (`Lifecycle`).
    public var lifecycle: Lifecycle?
    /// `calendar: {start, end, …}`: the items are dated events, with an agenda (`CalendarSpec`).
    public var calendar: CalendarSpec?
    /// `contact_placeholder`: what stands for a contact in the items' texts (`ContactMask`).
    public var contactPlaceholder: String?
    /// `listing_paths: {vocabulary: segment}`: the address segment of a listing, by field
    /// (`CollectionListingKeys`); else the field's name.
    public var listingPaths: [String: String] = [:]
    /// `feed: {per_value: [vocabulary]}`: an Atom feed per value of these fields too.
    public var feedPerValue: [String] = []
    /// `site_listings: [vocabulary]`: the items also appear on the site-wide page of each value
    /// (`regions/<value>/`).
    public var siteListings: [String] = []
    /// `intro`: the sentence under the title of the collection's listing.
    public var intro: String?
    /// `starter`: the body `castor new` writes in a new item (`CollectionTexts`).
    public var starter: String?
    /// `digest: {date, skip, sections}`: each item is a newsletter issue (`CollectionDigest`).
    public var digest: CollectionDigest?
    /// `related: {field, limit}`: related items on each item's page (`RelatedSpec`).
    public var related: RelatedSpec?
    /// `card_format`: how cards say their date and fields (`CardFormat`).
    public var cardFormat = CardFormat()
    /// `latest`: how many items the home page shows (`collections.<id>.latest`).
    public var latest = 5
    /// `group_empty`: what a group's listing (`<prefix><group>/`) says without items (`CollectionTexts`).
    public var groupEmpty: String?
    /// `feed: {head: true}`: every page announces the feed in `<head>`; `feed: {authors}`: the
    /// text_list field of the entries' authors (`CollectionFeedOptions`).
    public var feedHead = false
    public var feedAuthors: String?
    /// `search: {groups: true}`: one search type per group of a grouped collection.
    public var searchGroups = false

    public init() {}

    /// The address segment of the listing pages of a field (`types`, `region`).
    public static func segment(_ field: String) -> String { field.replacingOccurrences(of: "_", with: "-") }

    /// The address segment of the listing pages of a field: `listing_paths`, else its name.
    public func segment(of field: String) -> String { listingPaths[field] ?? Self.segment(field) }

    public static func == (a: CollectionPublishing, b: CollectionPublishing) -> Bool {
        a.order == b.order && a.perPage == b.perPage && a.listings.map { [$0.vocabulary, $0.field] } == b.listings.map { [$0.vocabulary, $0.field] }
            && a.card == b.card && a.feedTitle == b.feedTitle && a.searchLabel == b.searchLabel && a.navigation == b.navigation
            && a.footer == b.footer && a.stale == b.stale && a.table == b.table && a.exports == b.exports && a.stats == b.stats
            && a.editableDocuments == b.editableDocuments && a.map == b.map && a.lifecycle == b.lifecycle
            && a.contactPlaceholder == b.contactPlaceholder && a.listingPaths == b.listingPaths && a.feedPerValue == b.feedPerValue
            && a.siteListings == b.siteListings && a.intro == b.intro && a.menuLabel == b.menuLabel && a.starter == b.starter && a.calendar == b.calendar && a.digest == b.digest
            && a.related == b.related && a.cardFormat == b.cardFormat && a.latest == b.latest && a.groupEmpty == b.groupEmpty
            && a.feedHead == b.feedHead && a.feedAuthors == b.feedAuthors && a.searchGroups == b.searchGroups
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(order)
        hasher.combine(perPage)
        hasher.combine(listings.map(\.field))
        hasher.combine(card)
        hasher.combine(feedTitle)
        hasher.combine(searchLabel)
        hasher.combine(navigation)
        hasher.combine(footer)
        hasher.combine(stale)
        hasher.combine(table)
        hasher.combine(exports)
        hasher.combine(stats)
        hasher.combine(editableDocuments)
        hasher.combine(map)
        hasher.combine(lifecycle)
        hasher.combine(contactPlaceholder)
        hasher.combine(listingPaths)
        hasher.combine(feedPerValue)
        hasher.combine(siteListings)
        hasher.combine(intro)
        hasher.combine(menuLabel)
        hasher.combine(starter)
        hasher.combine(calendar)
        hasher.combine(digest)
        hasher.combine(related)
        hasher.combine(cardFormat)
        hasher.combine(latest)
        hasher.combine(groupEmpty)
        hasher.combine(feedHead)
        hasher.combine(feedAuthors)
        hasher.combine(searchGroups)
    }

    static let keys = [
        "order", "pagination", "listings", "card", "feed", "search", "navigation", "footer", "stale", "table", "export", "stats", "odt", "map",
        "lifecycle", "contact_placeholder", "listing_paths", "site_listings", "intro", "starter", "menu_label", "calendar", "digest",
        "related", "card_format", "latest", "group_empty",
    ]
}

extension CollectionDeclarations.Reader {
    /// The sub-keys of a publishing key written as a map (`order: {field, direction}`), each
    /// unknown one reported; nil when it is not a map. `correct` is false when anything was reported.
    mutating func keyedValues(
        _ entry: YAMLTree.Entry, known: [String], example: String, collection id: String
    ) -> (map: [String: YAMLTree.Entry]?, correct: Bool) {
        guard case .map(let entries, _) = entry.value else {
            error(entry.value.position, "« \(entry.key) » de la collection « \(id) » s'écrit avec des clés", hint: "par exemple : \(example)")
            return (nil, false)
        }
        let before = diagnostics.count
        unknownKeys(entries, known: known, context: "dans « \(entry.key) » de la collection « \(id) »")
        return (Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }), diagnostics.count == before)
    }

    /// Reads the publishing keys of one declaration; nil when one of them is wrong (reported).
    mutating func publishing(_ values: [String: YAMLTree.Entry], fields: [FieldSpec], collection id: String) -> CollectionPublishing? {
        var result = CollectionPublishing()
        var valid = true
        let declared = fields.map(\.key)
        func fieldsHint() -> String { "champs déclarés : " + declared.filter { $0 != "draft" }.joined(separator: ", ") }
        func subKeys(_ entry: YAMLTree.Entry, known: [String], example: String) -> [String: YAMLTree.Entry]? {
            let (map, correct) = keyedValues(entry, known: known, example: example, collection: id)
            if !correct { valid = false }
            return map
        }
        func requiredText(_ map: [String: YAMLTree.Entry], _ key: String, owner: YAMLTree.Entry, example: String) -> String? {
            guard let entry = map[key], let text = entry.value.text, !entry.value.isNull,
                !text.trimmingCharacters(in: .whitespaces).isEmpty
            else {
                error(map[key]?.value.position ?? owner.keyPosition, "« \(owner.key) » de la collection « \(id) » : « \(key) » manquant ou vide",
                    hint: "par exemple : \(example)")
                valid = false
                return nil
            }
            return text
        }

        if let entry = values["order"], let map = subKeys(entry, known: ["field", "direction"], example: "order: {field: updated, direction: desc}") {
            let example = "order: {field: updated, direction: desc}"
            var descending = false
            if let direction = map["direction"] {
                switch direction.value.text {
                case "asc"?: descending = false
                case "desc"?: descending = true
                default:
                    error(direction.value.position, "« direction » vaut asc (croissant) ou desc (décroissant)", hint: example)
                    valid = false
                }
            }
            if let field = requiredText(map, "field", owner: entry, example: example) {
                if declared.contains(field) {
                    result.order = .init(field: field, descending: descending)
                } else {
                    error(map["field"]!.value.position, "« order » : « \(field) » n'est pas un champ de « \(id) »"
                        + CollectionDeclarations.suggestion(field, among: declared), hint: fieldsHint())
                    valid = false
                }
            }
        }
        if let entry = values["pagination"] {
            if case .scalar(let text, .int, _) = entry.value, let number = Int(text), number > 0 {
                result.perPage = number
            } else {
                error(entry.value.position, "« pagination » doit être un nombre d'éléments par page, plus grand que 0", hint: "par exemple : pagination: 30")
                valid = false
            }
        }
        if let entry = values["listings"] {
            if let names = list(entry.value) {
                for name in names {
                    if let vocabularies, !vocabularies.contains(name) {
                        error(entry.value.position, "« listings » : la liste « \(name) » n'existe pas dans site.yml"
                            + (Validator.nearest(name, in: vocabularies.sorted()).map { " : vouliez-vous écrire « \($0) » ?" } ?? ""),
                            hint: listsHint)
                        valid = false
                        continue
                    }
                    let field = fields.first { spec in
                        switch spec.type {
                        case .term(let vocabulary), .terms(let vocabulary): return vocabulary == name
                        default: return false
                        }
                    }
                    guard let field else {
                        error(entry.value.position, "« listings » : aucun champ de « \(id) » ne prend ses valeurs dans la liste « \(name) »",
                            hint: "déclarez un champ de type term ou terms avec « vocabulary: \(name) », ou retirez « \(name) » de « listings »")
                        valid = false
                        continue
                    }
                    result.listings.append((name, field.key))
                }
            } else {
                error(entry.value.position, "« listings » doit être une liste de listes de site.yml", hint: "par exemple : listings: [regions]")
                valid = false
            }
        }
        result.map = map(values, fields: fields, listings: result.listings, collection: id, valid: &valid)
        if let entry = values["card"] {
            if let names = list(entry.value) {
                for name in names where !declared.contains(name) {
                    error(entry.value.position, "« card » : « \(name) » n'est pas un champ de « \(id) »"
                        + CollectionDeclarations.suggestion(name, among: declared), hint: fieldsHint())
                    valid = false
                }
                result.card = names
            } else {
                error(entry.value.position, "« card » doit être une liste de champs", hint: "par exemple : card: [region]")
                valid = false
            }
        }
        if let entry = values["feed"], let map = subKeys(entry, known: ["title", "per_value", "head", "authors"], example: "feed: {title: Nouveautés}") {
            result.feedTitle = requiredText(map, "title", owner: entry, example: "feed: {title: Nouveautés}")
            if !feedOptions(map, fields: fields, collection: id, into: &result) { valid = false }
            if let perValue = map["per_value"] {
                if let fields = listedFields(perValue, listings: result.listings, owner: "« per_value » de « feed »", collection: id) {
                    result.feedPerValue = fields
                } else {
                    valid = false
                }
            }
        }
        if let entry = values["search"], !searchKey(entry, grouped: values["groups"] != nil, collection: id, into: &result) { valid = false }
        for (key, keyPath) in [("navigation", \CollectionPublishing.navigation), ("footer", \CollectionPublishing.footer)] {
            guard let entry = values[key] else { continue }
            if let flag = entry.value.bool {
                result[keyPath: keyPath] = flag
            } else {
                error(entry.value.position, "« \(key) » doit valoir true ou false")
                valid = false
            }
        }
        if !listingKeys(values, listings: result.listings, fields: fields, collection: id, into: &result) { valid = false }
        if !textKeys(values, collection: id, into: &result) { valid = false }
        if let entry = values["calendar"] { if let spec = calendar(entry, fields: fields, collection: id) { result.calendar = spec } else { valid = false } }
        if let entry = values["lifecycle"] { if let rule = lifecycle(entry, fields: fields, collection: id) { result.lifecycle = rule } else { valid = false } }
        if let entry = values["stale"] { if let rule = staleRule(entry, fields: fields, collection: id) { result.stale = rule } else { valid = false } }
        if let entry = values["related"] { if let spec = related(entry, fields: fields, collection: id) { result.related = spec } else { valid = false } }
        if let entry = values["card_format"] {
            if let format = cardFormat(entry, grouped: values["groups"] != nil, collection: id) { result.cardFormat = format } else { valid = false }
        }
        if !latestCount(values, into: &result) { valid = false }
        result.digest = digest(values, fields: fields, collection: id, valid: &valid)
        if !databaseKeys(values, fields: fields, collection: id, into: &result) { valid = false }
        if !editableDocuments(values, grouped: values["groups"] != nil, collection: id, declaration: &result.editableDocuments) { valid = false }
        return valid ? result : nil
    }
}
