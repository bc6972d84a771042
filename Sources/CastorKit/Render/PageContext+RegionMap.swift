/// The map of one région on its listing page (`<prefix><field>/<région>/`) of a collection
/// declared with `map:` and a rule `{field: departement, within: <the map's field>}`: the
/// région alone, larger, by département (`FranceRegionMap`), with the same template variable
/// `map` as the collection's own listing (partials/carte.mustache), its table listing the
/// départements.
extension PageContext {
    func regionMap(_ listing: Listing, pageNumber: Int, root: String) -> [String: Any]? {
        guard pageNumber == 1, let index = listing.collection, let data = site.franceMap, let departements = site.franceDepartements
        else { return nil }
        let published = site.collections[index]
        let schema = published.schema
        guard let map = schema.publishing.map else { return nil }
        let folder = SitePlan.termsURL(schema, field: map.field)
        guard listing.url.hasPrefix(folder) else { return nil }
        let region = String(listing.url.dropFirst(folder.count).dropLast())
        let vocabulary = site.config.vocabulary(CollectionMap.vocabulary)
        guard let regionName = vocabulary[region], !region.contains("/"),
            let field = PageContext.departementField(schema, within: map.field)
        else { return nil }
        let outlines = departements.outlines(of: region)
        guard !outlines.isEmpty else { return nil }
        // The counts and markers read the cards of the région's items.
        if let log {
            reads(.order(schema.id))
            for ref in listing.items { log.card(site.path(of: ref)) }
        }
        var counts: [String: Int] = [:]
        var markers: [FranceMap.Marker] = []
        for ref in listing.items {
            guard case .item(let c, let i) = ref else { continue }
            let item = site.collections[c].items[i]
            for code in Set(item.terms(field)) { counts[code, default: 0] += 1 }
            if let latitudeKey = map.latitude, let longitudeKey = map.longitude,
                let latitude = CollectionMap.number(item.entry[latitudeKey]), let longitude = CollectionMap.number(item.entry[longitudeKey])
            {
                markers.append(.init(title: item.title, url: item.entry.url, latitude: latitude, longitude: longitude))
            }
        }
        var names: [String: String] = [:]
        switch schema.field(field)?.type {
        case .term(let list)?, .terms(let list)?: for (code, name) in site.config.vocabulary(list) { names[code] = name }
        default: break
        }
        let shown = outlines.map { outline in
            FranceRegionMap.Departement(
                outline: outline, name: names[outline.code] ?? outline.name, count: counts[outline.code] ?? 0,
                url: valueURL(schema, field: field, slug: outline.code))
        }
        let plural = schema.label.lowercased(), singular = schema.singular.lowercased()
        let countText: (Int) -> String = { "\($0) " + ($0 > 1 ? plural : singular) }
        let title = "\(schema.label) en \(regionName), par département"
        let drawing = FranceRegionMap(data: data, label: "Carte : " + title.lowercasedFirst, countText: countText)
        guard let svg = drawing.svg(departements: shown, markers: markers, root: root) else { return nil }
        let widget = site.config.baseURL + schema.publishedPrefix + FranceMapWidget.fileName
        return [
            "title": title,
            "svg": svg,
            "attribution": data.attribution,
            "areaLabel": "Département",
            "regions": shown.map { departement -> [String: Any] in
                [
                    "label": departement.name, "url": departement.url ?? "", "hasURL": departement.url != nil,
                    "count": departement.count, "countText": countText(departement.count),
                ]
            },
            "markers": markers.count,
            "widgetSnippet": "<script src=\"\(widget)\" async></script>",
            "widgetRegionSnippet": "<script src=\"\(widget)\" data-region=\"\(region)\" async></script>",
        ]
    }

    /// The field whose départements a `within` rule places in the map's field.
    static func departementField(_ schema: CollectionSchema, within container: String) -> String? {
        for rule in schema.rules {
            if case .within(let field, let target, _) = rule, target == container { return field }
        }
        return nil
    }
}
