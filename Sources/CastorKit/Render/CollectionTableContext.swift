/// The « database » blocks of a declared collection's own listing (`table`, `export`, `stats`
/// in collections.yml): the sort and filter form read by `assets/tableau.js`, the data
/// attributes of the cards it reads, the download links and the statistics.
extension PageContext {
    /// Adds `table`, `exports` and `stats` to the context of the collection's own listing
    /// (`<prefix>`, not its per-value pages), and the cards' `dataAttributes` when it is a table.
    func addDatabaseBlocks(_ listing: Listing, pageNumber: Int, to context: inout [String: Any]) {
        guard let index = listing.collection else { return }
        let collection = site.collections[index]
        let schema = collection.schema
        let publishing = schema.publishing
        guard listing.url == schema.publishedPrefix else { return }
        // The filters' counts and the statistics read every item's card.
        if let log, publishing.table != nil || (publishing.stats != nil && pageNumber == 1) {
            reads(.order(schema.id))
            for item in collection.items { log.card(item.entry.relativePath) }
        }
        if let table = publishing.table, !collection.items.isEmpty, var list = context["list"] as? [String: Any] {
            let refs = listing.items(onPage: pageNumber)
            var cards = list["items"] as? [[String: Any]] ?? []
            for (position, ref) in zip(cards.indices, refs) {
                guard case .item(let c, let i) = ref else { continue }
                cards[position]["dataAttributes"] = dataAttributes(site.collections[c].items[i], table: table)
            }
            list["items"] = cards
            context["list"] = list
            context["table"] = tableBlock(collection, table: table)
        }
        if !publishing.exports.isEmpty {
            context["exports"] = publishing.exports.enumerated().map { position, format -> [String: Any] in
                ["label": format.rawValue.uppercased(), "url": CollectionExports.file(schema, format: format), "comma": position > 0]
            }
            context["hasExports"] = true
        }
        // On the first page only when the listing has several: they count every item.
        if let stats = publishing.stats, !collection.items.isEmpty, pageNumber == 1 {
            // Counting by a reference field reads which item each name stands for, and its title.
            if log != nil, stats.by.contains(where: { schema.field($0)?.type.reference != nil }) {
                for item in collection.items { reads(.references(item.entry.relativePath)) }
            }
            context["stats"] = CollectionStats.tables(
                collection, spec: stats, site: site, valueURL: { field, slug in valueURL(schema, field: field, slug: slug) },
                resolve: { name, rule in
                    let target = references.resolve(name, rule: rule)
                    if let target { log?.card(target.relativePath) }
                    return target
                })
            context["hasStats"] = true
        }
    }

    /// `data-tri-<field>` (the sort key: ISO date, number, or text) and `data-filtre-<field>`
    /// (the value slugs, space-separated) of one card.
    func dataAttributes(_ item: Item, table: CollectionTable) -> [[String: String]] {
        let schema = item.schema
        var attributes: [[String: String]] = []
        let lifecycle = schema.publishing.lifecycle
        for key in table.sort {
            // The lifecycle's field sorts by the last day, default lifetime included.
            if key == lifecycle?.field, let last = lifecycle?.lastDay(of: item.entry) {
                attributes.append(["name": "data-tri-" + key, "value": last.iso])
                continue
            }
            guard let spec = schema.field(key), let value = CollectionTable.sortKey(item, spec: spec, config: site.config) else { continue }
            attributes.append(["name": "data-tri-" + key, "value": value])
        }
        for key in table.filters {
            attributes.append(["name": "data-filtre-" + key, "value": item.terms(key).joined(separator: " ")])
        }
        return attributes
    }

    /// The form: filters with their values and counts, sort choices, free text, count phrases.
    func tableBlock(_ collection: PublishedCollection, table: CollectionTable) -> [String: Any] {
        let schema = collection.schema
        let total = collection.items.count
        let filters: [[String: Any]] = table.filters.compactMap { key in
            guard let spec = schema.field(key) else { return nil }
            var counts: [String: Int] = [:]
            for item in collection.items {
                for slug in Set(item.terms(key)) { counts[slug, default: 0] += 1 }
            }
            let options = CollectionTable.values(of: spec, config: site.config).compactMap { value, label -> [String: Any]? in
                guard let count = counts[value] else { return nil }
                return ["value": value, "label": label, "count": count]
            }
            return ["key": key, "label": spec.label, "id": "tableau-" + key, "options": options, "total": total]
        }
        let order = schema.publishing.order
        var sorts: [[String: Any]] = []
        var hasDefault = false
        for key in table.sort {
            guard let spec = schema.field(key) else { continue }
            let kind = CollectionTable.sortKind(spec.type)
            for descending in [false, true] {
                let isDefault = order.map { $0.field == key && $0.descending == descending } ?? (key == "title" && !descending)
                hasDefault = hasDefault || isDefault
                sorts.append([
                    "value": key + (descending ? "-desc" : "-asc"), "field": key, "direction": descending ? "-1" : "1", "kind": kind,
                    "label": spec.label + ", " + CollectionTable.directionLabel(kind, descending: descending), "selected": isDefault,
                ])
            }
        }
        return [
            "filters": filters, "hasFilters": !filters.isEmpty,
            "sorts": sorts, "hasSorts": !sorts.isEmpty, "needsPlainOrder": !hasDefault,
            "hasText": table.text, "total": total,
            "one": schema.singular.lowercasedFirst, "many": schema.label.lowercasedFirst,
        ]
    }
}

extension CollectionTable {
    /// How the browser compares a field's sort keys.
    static func sortKind(_ type: FieldType) -> String {
        switch type {
        case .date, .dateOrDateTime: return "date"
        case .price, .number: return "number"
        default: return "text"
        }
    }

    /// « de A à Z », « du plus récent au plus ancien », « par ordre croissant ».
    static func directionLabel(_ kind: String, descending: Bool) -> String {
        switch kind {
        case "date": return descending ? "du plus récent au plus ancien" : "du plus ancien au plus récent"
        case "number": return descending ? "par ordre décroissant" : "par ordre croissant"
        default: return descending ? "de Z à A" : "de A à Z"
        }
    }

    /// The key a card is sorted by: an ISO date, a number, or the shown text (labels of terms
    /// and choices). Nil when the item has no value.
    static func sortKey(_ item: Item, spec: FieldSpec, config: SiteConfig) -> String? {
        guard let value = item.entry[spec.key] else { return nil }
        switch (spec.type, value) {
        case (_, .date(let date)): return date.iso
        case (_, .dateTime(let time)): return time.iso
        case (_, .number(let number)): return "\(number)"
        case (.term(let vocabulary), .text(let slug)): return config.label(vocabulary, slug)
        case (.choice(let choices), .text(let chosen)): return choices.first { $0.value == chosen }?.label ?? chosen
        case (_, .text(let text)): return text
        default: return nil
        }
    }

    /// The possible values of a term, terms or choice field, in their declared order, with labels.
    static func values(of spec: FieldSpec, config: SiteConfig) -> [(value: String, label: String)] {
        switch spec.type {
        case .term(let vocabulary), .terms(let vocabulary): return config.vocabulary(vocabulary).map { ($0.key, $0.value) }
        case .choice(let choices): return choices.map { ($0.value, $0.label) }
        default: return []
        }
    }
}
