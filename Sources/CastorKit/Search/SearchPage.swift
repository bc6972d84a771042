extension PageContext {
    /// The search page (`recherche/`): the form with its filters, filled by
    /// `assets/recherche.js`, and without JavaScript, links to every listing.
    func search() -> [String: Any] {
        let config = site.config
        var context = common(
            url: "recherche/", title: "Recherche",
            description: config.searchDescription ?? config.description,
            kind: "search")
        if var page = context["page"] as? [String: Any] {
            page["isSearch"] = true
            context["page"] = page
        }
        var types: [[String: Any]] = []
        for collection in site.collections {
            let schema = collection.schema
            // `search: {groups: true}`: a type per group, browsed on the group's listing.
            if schema.publishing.searchGroups, case .grouped(let vocabulary) = schema.layout {
                types += config.vocabulary(vocabulary).map {
                    ["slug": $0.key, "label": $0.value, "url": schema.hasListing ? schema.publishedPrefix + $0.key + "/" : ""]
                }
                continue
            }
            guard let label = collection.schema.publishing.searchLabel else { continue }
            types.append(["slug": collection.schema.id, "label": label, "url": collection.schema.hasListing ? collection.schema.publishedPrefix : ""])
        }
        func terms(_ vocabulary: String, _ prefix: String) -> [[String: Any]] {
            config.vocabulary(vocabulary).map { ["slug": $0.key, "label": $0.value, "url": prefix + $0.key + "/"] }
        }
        context["search"] = [
            "types": types, "browseTypes": types.filter { !(($0["url"] as? String) ?? "").isEmpty },
            "themes": terms("themes", "themes/"), "regions": terms("regions", "regions/"),
        ]
        return context
    }
}
