/// What the pages show of the reference fields: the named item's title as a link to its page,
/// and on an item's page the items that name it (`backlinks`: `label`, `items` with `title`
/// and `url`), for `templates/partials/backlinks.mustache`.
extension PageContext {
    /// The values of a reference field: each named item's title, a link when it is published
    /// (else the name as written; `castor check` has warned about it).
    /// Which item a name stands for depends on every item (`DerivedValue.references`); the
    /// page shows the named item's card (its title).
    func referenceValues(_ rule: ReferenceRule, _ value: FieldValue, of path: String) -> [[String: Any]] {
        reads(.references(path))
        return ReferenceIndex.names(value).map { name in
            guard let target = references.resolve(name, rule: rule) else { return ["text": name] }
            log?.card(target.relativePath)
            return ["isLink": true, "url": target.url, "text": target.title]
        }
    }

    /// The reference fields of an item shown by a kind's own template (the ads' `project`):
    /// each as the generic item page shows its fields (`label`, `values`), for `references`.
    func referenceFields(_ entry: Entry) -> [[String: Any]] {
        entry.collection.referenceFields.compactMap { field($0.spec, of: Item(entry)) }
    }

    /// Adds `backlinks` and `hasBacklinks` to a page's context.
    func addBacklinks(_ context: inout [String: Any], path: String) {
        reads(.references(path))
        let groups = references.backlinks[path] ?? []
        if let log { for group in groups { for entry in group.entries { log.card(entry.relativePath) } } }
        context["hasBacklinks"] = !groups.isEmpty
        guard !groups.isEmpty else { return }
        context["backlinks"] = groups.map { group -> [String: Any] in
            ["label": group.label, "items": group.entries.map { ["title": $0.title, "url": $0.url] }]
        }
    }
}
