extension PageContext {
    /// The search page (`recherche/`): the form with its filters, filled by
    /// `assets/recherche.js`, and without JavaScript, links to every listing.
    func search() -> [String: Any] {
        let config = site.config
        var context = common(
            url: "recherche/", title: "Recherche",
            description: "Rechercher dans les fiches, l'agenda, les annonces et les pages du centre de ressources.",
            kind: "search")
        if var page = context["page"] as? [String: Any] {
            page["isSearch"] = true
            context["page"] = page
        }
        var types: [[String: Any]] = config.vocabulary("fiche_types").map {
            ["slug": $0.key, "label": $0.value, "url": "fiches/\($0.key)/"]
        }
        for collection in site.collections {
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
