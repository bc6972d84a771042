/// The map of a declared collection with `map:` (issue 13), on the first page of its listing:
/// the template variable `map` (docs/gabarits.md), read by templates/partials/carte.mustache.
extension PageContext {
    /// `map`: `svg` (the inline map), `title`, `attribution`, `regions` (the text
    /// alternative: every value of the region list with `label`, `url`, `count`, `countText`),
    /// and the lines that embed the map elsewhere (`widgetSnippet`, `widgetRegionSnippet`,
    /// `FranceMapWidget`); nil on other listings.
    func collectionMap(_ listing: Listing, pageNumber: Int, root: String) -> [String: Any]? {
        guard pageNumber == 1, let index = listing.collection, listing.url == site.collections[index].schema.publishedPrefix else { return nil }
        return collectionMap(collection: index, root: root)
    }

    /// The map of a collection declared with `map:` (its listing, and the home page's
    /// `home: {map}`), nil without the declaration or the map's data.
    func collectionMap(collection index: Int, root: String) -> [String: Any]? {
        guard let data = site.franceMap else { return nil }
        let published = site.collections[index]
        let schema = published.schema
        guard let map = schema.publishing.map else { return nil }
        // The counts and markers read every item's card.
        if let log {
            reads(.order(schema.id))
            for item in published.items { log.card(item.entry.relativePath) }
        }
        var counts: [String: Int] = [:]
        var markers: [FranceMap.Marker] = []
        for item in published.items {
            for slug in item.terms(map.field) { counts[slug, default: 0] += 1 }
            if let latitudeKey = map.latitude, let longitudeKey = map.longitude,
                let latitude = CollectionMap.number(item.entry[latitudeKey]), let longitude = CollectionMap.number(item.entry[longitudeKey])
            {
                markers.append(.init(title: item.title, url: item.entry.url, latitude: latitude, longitude: longitude))
            }
        }
        let plural = schema.label.lowercased(), singular = schema.singular.lowercased()
        let countText: (Int) -> String = { "\($0) " + ($0 > 1 ? plural : singular) }
        let vocabulary = site.config.vocabulary(CollectionMap.vocabulary)
        let regions = vocabulary.map { slug, label in
            FranceMap.Region(
                slug: slug, name: label, count: counts[slug] ?? 0, url: valueURL(schema, field: map.field, slug: slug))
        }
        let title = "\(schema.label) par région"
        let widget = site.config.baseURL + schema.publishedPrefix + FranceMapWidget.fileName
        let example = regions.filter { region in data.regions.contains { $0.slug == region.slug } }
            .max { ($0.count, $1.slug) < ($1.count, $0.slug) }?.slug ?? data.regions.first?.slug ?? ""
        let drawing = FranceMap(data: data, label: "Carte : " + title.lowercasedFirst, countText: countText)
        return [
            "title": title,
            "svg": drawing.svg(regions: regions, markers: markers, root: root),
            "attribution": data.attribution,
            "regions": regions.map { region -> [String: Any] in
                ["label": region.name, "url": region.url ?? "", "hasURL": region.url != nil, "count": region.count, "countText": countText(region.count)]
            },
            "markers": markers.count,
            "widgetSnippet": "<script src=\"\(widget)\" async></script>",
            "widgetRegionSnippet": "<script src=\"\(widget)\" data-region=\"\(example)\" async></script>",
        ]
    }
}
