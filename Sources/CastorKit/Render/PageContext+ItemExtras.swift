/// What an item's page shows beyond its declared fields, for any collection the generic renderer
/// publishes (`PageContext.item`): its group, table of contents, attachments, related items and
/// each shown field by its key, for templates that lay fields out one by one.
extension PageContext {
    /// The listing of an item's group (`groups`): its label, and its address when the collection
    /// has a listing (`<prefix><group>/`).
    func groupLink(_ schema: CollectionSchema, entry: Entry) -> NavLink? {
        guard case .grouped(let vocabulary) = schema.layout, let group = entry.group else { return nil }
        return NavLink(site.config.label(vocabulary, group), schema.hasListing ? schema.publishedPrefix + group + "/" : "")
    }

    /// Adds to `values` (the `item` of the context): `group` (label, url); `toc` and `hasToc` (the
    /// body's headings of levels 2 and 3, when there are two or more); `attachments` and
    /// `hasAttachments` (title, url, ext, size, absoluteUrl); `related` and `hasRelated` (cards,
    /// with `related:`); `field` (each shown field by its key: `item.field.themes.values`).
    func addItemExtras(_ values: inout [String: Any], fields: [[String: Any]], collection: Int, index: Int) {
        let published = site.collections[collection]
        let schema = published.schema
        let entry = published.items[index].entry
        if let group = groupLink(schema, entry: entry) { values["group"] = ["label": group.label, "url": group.url] }
        let toc = (site.bodies[entry.relativePath]?.headings ?? []).filter { $0.level <= 3 }
        values["toc"] = toc.map { ["level": $0.level, "id": $0.id, "text": $0.text, "isSub": $0.level > 2] as [String: Any] }
        values["hasToc"] = toc.count >= 2
        let base = site.config.baseURL
        var attachments: [[String: Any]] = []
        for field in schema.fields where field.type == .attachments {
            guard case .attachments(let files)? = entry[field.key] else { continue }
            attachments += files.map {
                [
                    "title": $0.title, "url": entry.url + Escape.urlPath($0.file), "ext": $0.kind, "size": French.fileSize($0.size),
                    "absoluteUrl": base + entry.url + Escape.urlPath($0.file),
                ]
            }
        }
        values["attachments"] = attachments
        values["hasAttachments"] = !attachments.isEmpty
        if schema.publishing.related != nil {
            reads(.related(entry.relativePath))
            let others = published.related.flatMap { index < $0.count ? $0[index] : nil } ?? []
            let root = URLPaths.root(of: entry.url)
            let related = others.map { card(.item(collection: collection, index: $0), root: root) }
            values["related"] = related
            values["hasRelated"] = !related.isEmpty
        }
        var byKey: [String: Any] = [:]
        for field in fields { if let key = field["key"] as? String { byKey[key] = field } }
        values["field"] = byKey
    }
}
