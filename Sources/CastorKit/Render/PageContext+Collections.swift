import Foundation

/// The template contexts of the collections the generic renderer publishes: everything comes
/// from the declaration (labels, fields, card fields, listings, feed).
extension PageContext {
    /// The main menu: the home page, each collection with `navigation: true` (in the order of
    /// collections.yml, under its `menu_label`, else its label), then the site-wide listings
    /// with `navigation: true` (`SiteListingPage`).
    static func navigationLinks(_ site: Site) -> [NavLink] {
        PageContext.navigation
            + site.collections.filter { $0.schema.publishing.navigation }.map {
                NavLink($0.schema.publishing.menuLabel ?? $0.schema.label, $0.schema.publishedPrefix)
            }
            + site.siteListings.filter(\.navigation).map { NavLink($0.title, $0.url) }
    }

    /// The home page's view of each declared collection but the agenda, by id
    /// (`collections.annonces` in home.mustache): `label`, `url`, the cards of its first items
    /// (`latest`: 5, or the declared number), `hasLatest`.
    func latestOfCollections(root: String) -> [String: Any] {
        var result: [String: Any] = [:]
        // The agenda's next events are `nextEvents`.
        for (index, collection) in site.collections.enumerated() where index != site.calendar {
            let schema = collection.schema
            reads(.order(schema.id))
            let cards = collection.items.indices.prefix(schema.publishing.latest).map { card(.item(collection: index, index: $0), root: root) }
            result[schema.id] = [
                "label": schema.label, "url": schema.hasListing ? schema.publishedPrefix : "", "latest": cards, "hasLatest": !cards.isEmpty,
            ] as [String: Any]
        }
        return result
    }

    /// The Atom feed of a declared collection, announced in `<head>` of its pages (of every
    /// page with `head: true`: `siteFeeds`).
    static func collectionFeeds(_ schema: CollectionSchema) -> [[String: Any]] {
        guard let title = schema.publishing.feedTitle, !schema.publishing.feedHead else { return [] }
        return [["title": title, "url": schema.publishedPrefix + "atom.xml", "type": "application/atom+xml"]]
    }

    /// The listing page of a value of a term field: the collection's own (its vocabulary in
    /// `listings`), else the site-wide one (its vocabulary in `site_listings`), else nil.
    func valueURL(_ schema: CollectionSchema, field: String, vocabulary: String? = nil, slug: String) -> String? {
        if schema.publishing.listings.contains(where: { $0.field == field }) { return SitePlan.termsURL(schema, field: field) + slug + "/" }
        guard let vocabulary, schema.publishing.siteListings.contains(vocabulary), let page = site.siteListings.first(where: { $0.vocabulary == vocabulary })
        else { return nil }
        return page.url + slug + "/"
    }

    /// One declared field of an item as the templates show it: `label`, `key` and `values`,
    /// each value with one flag telling how to show it (`isLink` root-relative, `isExternal`,
    /// `isDate`, `isContact`, else plain `text`) and `comma` on all but the first. Nil when the
    /// item has no value for it.
    func field(_ spec: FieldSpec, of item: Item) -> [String: Any]? {
        fieldValues(spec, of: item).map { ["key": spec.key, "label": spec.label, "values": $0] }
    }

    /// The `values` of `field(_:of:)`, typed (cards and pages read them without casting back).
    func fieldValues(_ spec: FieldSpec, of item: Item) -> [[String: Any]]? {
        guard let value = item.entry[spec.key] else { return nil }
        let config = site.config
        var values: [[String: Any]] = []
        switch (spec.type, value) {
        case (.term(let vocabulary), _), (.terms(let vocabulary), _):
            values = item.terms(spec.key).map { slug in
                let label = config.label(vocabulary, slug)
                if let url = valueURL(item.schema, field: spec.key, vocabulary: vocabulary, slug: slug) { return ["isLink": true, "url": url, "text": label] }
                return ["text": label]
            }
        case (.url, .text(let url)):
            values = [["isExternal": true, "url": url, "text": url]]
        case (.contact, .text(let contact)):
            let kind = ContactKind(contact)
            let isPlainWeb = kind == .web && !ContactScanner.containsContact(URLPaths.percentDecoded(contact))
            if isPlainWeb {
                values = [["isExternal": true, "url": contact, "text": contact]]
            } else {
                values = [[
                    "isContact": true, "scrambled": ContactMask.scrambled(contact), "kind": kind.map { "\($0)" } ?? "",
                    "fallback": "Activez JavaScript pour afficher le contact.",
                ]]
            }
        case (_, .date(let date)):
            values = [["isDate": true, "iso": date.iso, "text": French.date(date)]]
        case (_, .dateTime(let time)):
            values = [["isDate": true, "iso": time.iso, "text": French.date(time.date) + " à " + French.time(hour: time.hour, minute: time.minute)]]
        case (.choice(let choices), .text(let chosen)):
            values = [["text": choices.first { $0.value == chosen }?.label ?? chosen]]
        case (.price, .number(let amount)):
            values = [["text": French.price(amount)]]
        case (.number, .number(let number)):
            values = [["text": French.number(number)]]
        case (.reference(let rule), _), (.references(let rule), _):
            values = referenceValues(rule, value, of: item.entry.relativePath)
        case (_, .bool(let flag)):
            values = [["text": flag ? "Oui" : "Non"]]
        case (_, .text(let text)):
            values = [["text": text]]
        case (_, .list(let texts)):
            values = texts.map { ["text": $0] }
        default:
            return nil
        }
        guard !values.isEmpty else { return nil }
        for index in values.indices.dropFirst() { values[index]["comma"] = true }
        return values
    }

    /// The page of one item: `item` (title, summary, body, fields), with the collection's
    /// labels (`collection`), read by `<collection id>.mustache` or else `item.mustache`.
    func item(collection: Int, index: Int) -> [String: Any] {
        // The agenda's items have their dates, status and calendar file (`event`).
        if collection == site.calendar { return event(index) }
        let published = site.collections[collection]
        let schema = published.schema
        let item = published.items[index]
        let entry = item.entry
        readsItem(entry.relativePath)
        var crumbs = schema.hasListing ? [NavLink(schema.label, schema.publishedPrefix)] : []
        if schema.hasListing, let group = groupLink(schema, entry: entry) { crumbs.append(group) }
        var context = common(
            url: entry.url, title: item.title, description: item.summary, kind: "item", breadcrumbs: crumbs,
            feeds: PageContext.collectionFeeds(schema))
        // The lifecycle's date is said once, with the default lifetime when it applies.
        let lifecycle = schema.publishing.lifecycle
        let shown = schema.fields.filter { !["title", "summary", "draft", lifecycle?.field].contains($0.key) }
        var masked = false
        let fields = shown.compactMap { spec -> [String: Any]? in
            guard let values = fieldValues(spec, of: item) else { return nil }
            if values.contains(where: { $0["isContact"] != nil }) { masked = true }
            return ["key": spec.key, "label": spec.label, "values": values]
        }
        let body = site.bodies[entry.relativePath]?.html ?? ""
        var values: [String: Any] = [
            "title": item.title, "summary": item.summary, "body": body,
            "fields": fields, "hasFields": !fields.isEmpty,
        ]
        if let lifecycle, let last = lifecycle.lastDay(of: entry) {
            values["lifecycle"] = [
                "iso": last.iso, "label": French.date(last), "usesDefault": lifecycle.usesDefault(entry),
                "days": lifecycle.defaultDays ?? 0,
            ] as [String: Any]
        }
        addItemExtras(&values, fields: fields, collection: collection, index: index)
        context["item"] = PageContext.compact(values)
        context["collection"] = ["id": schema.id, "label": schema.label, "singular": schema.singular, "url": schema.publishedPrefix]
        addBacklinks(&context, path: entry.relativePath)
        addEditableDocument(&context, entry: entry)
        addDigest(&context, entry: entry)
        PageContext.markContacts(&context, body: body, always: masked)
        return context
    }

    /// The card of an item: `kindLabel` is the collection's singular label, `meta` its `card`
    /// fields (« Type : Notaire · Région : Bretagne »), also given one by one in `fields`.
    func itemCard(collection: Int, index: Int) -> [String: Any] {
        let published = site.collections[collection]
        let schema = published.schema
        let item = published.items[index]
        let format = schema.publishing.cardFormat
        var fields: [[String: Any]] = []
        var meta: [String] = []
        for key in schema.publishing.card {
            guard let spec = schema.field(key), let values = fieldValues(spec, of: item) else { continue }
            fields.append(["key": spec.key, "label": spec.label, "values": values])
            let texts = values.compactMap { $0["text"] as? String }
            meta.append((format.fieldLabels ? spec.label + " : " : "") + texts.joined(separator: ", "))
        }
        if format.group, let group = groupLink(schema, entry: item.entry) { meta.insert(group.label, at: 0) }
        if let last = schema.publishing.lifecycle?.lastDay(of: item.entry) { meta.append("jusqu'au " + French.date(last)) }
        var card: [String: Any] = [
            "title": item.title, "url": item.entry.url, "summary": item.summary, "kindLabel": schema.singular,
            "kind": schema.id, "dateLabel": "", "dateISO": "", "meta": meta.joined(separator: " · "), "fields": fields,
        ]
        if let date = item.date, let order = schema.publishing.order, let spec = schema.field(order.field), spec.type == .date {
            card["dateISO"] = date.iso
            card["dateLabel"] = (format.dateLabel.map { $0 + " " } ?? spec.label + " : ") + French.date(date)
        }
        return card
    }
}
