import Collections

/// The pages of the collections (`Site.collections`), all read from their declarations: one
/// page per item, the collection's listing at its prefix (when `listing` is not false), for a
/// grouped collection (`groups`) a listing per group at `<prefix><group>/`, and for each
/// vocabulary of `listings` a terms index at `<prefix><field>/` and a listing per value at
/// `<prefix><field>/<value>/`.
extension SitePlan {
    static func collectionJobs(_ site: Site) -> [RenderJob] {
        var jobs: [RenderJob] = []
        func add(_ url: String, _ kind: RenderJob.Kind, _ date: LocalDate? = nil) {
            jobs.append(RenderJob(url: url, file: URLPaths.file(for: url), kind: kind, lastModified: date))
        }
        func addListing(_ listing: Listing) {
            for number in 1...listing.pageCount { add(listing.url(ofPage: number), .listing(listing, page: number)) }
        }
        for (collectionIndex, collection) in site.collections.enumerated() {
            let schema = collection.schema
            // The agenda's pages are its own (`calendarJobs`).
            guard schema.publishing.calendar == nil else { continue }
            let publishing = schema.publishing
            let prefix = schema.publishedPrefix
            for (index, item) in collection.items.enumerated() {
                add(item.entry.url, .item(collection: collectionIndex, index: index), item.date)
            }
            let refs = collection.items.indices.map { ItemRef.item(collection: collectionIndex, index: $0) }
            let home = NavLink(schema.label, prefix)
            var groups: OrderedDictionary<String, String> = [:]
            if case .grouped(let vocabulary) = schema.layout { groups = site.config.vocabulary(vocabulary) }
            if schema.hasListing {
                var listing = Listing(
                    url: prefix, title: schema.label, intro: publishing.intro ?? "", items: refs,
                    links: groups.map { NavLink($0.value, prefix + $0.key + "/") }
                        + publishing.listings.map { NavLink(listingTitle(schema, field: $0.field), termsURL(schema, field: $0.field)) },
                    // `table`: every item on one page, sorted and filtered in the browser.
                    emptyMessage: "Aucun contenu pour le moment.", paginated: publishing.table == nil)
                listing.perPage = publishing.perPage
                listing.collection = collectionIndex
                addListing(listing)
                // One listing per group, in the collection's order.
                for (group, label) in groups {
                    var groupListing = Listing(
                        url: prefix + group + "/", title: label,
                        items: collection.items.indices.filter { collection.items[$0].entry.group == group }
                            .map { ItemRef.item(collection: collectionIndex, index: $0) },
                        breadcrumbs: [home], emptyMessage: publishing.groupEmpty ?? "Aucun contenu de ce type pour le moment.")
                    groupListing.perPage = publishing.perPage
                    addListing(groupListing)
                }
            }
            for (vocabulary, field) in publishing.listings {
                let values = site.config.vocabulary(vocabulary)
                let folder = termsURL(schema, field: field)
                var byValue: [String: [ItemRef]] = [:]
                for (index, item) in collection.items.enumerated() {
                    for slug in item.terms(field) {
                        byValue[slug, default: []].append(.item(collection: collectionIndex, index: index))
                    }
                }
                let title = listingTitle(schema, field: field)
                let crumbs = schema.hasListing ? [home] : []
                add(folder, .terms(TermsPage(
                    url: folder, title: title, intro: "\(schema.label) : \(title.lowercased()).",
                    items: values.map { ($0.value, folder + $0.key + "/", byValue[$0.key]?.count ?? 0) },
                    breadcrumbs: crumbs)))
                for (slug, label) in values {
                    var listing = Listing(
                        url: folder + slug + "/", title: "\(schema.label) : \(label)", items: byValue[slug] ?? [],
                        breadcrumbs: crumbs + [NavLink(title, folder)], emptyMessage: "Aucun contenu pour « \(label) » pour le moment.")
                    listing.perPage = publishing.perPage
                    listing.collection = collectionIndex
                    addListing(listing)
                }
            }
        }
        return jobs
    }

    /// `<prefix><field>/`: the index of a field's values.
    static func termsURL(_ schema: CollectionSchema, field: String) -> String {
        schema.publishedPrefix + schema.publishing.segment(of: field) + "/"
    }

    /// « Par région »: « Par » and the field's label.
    static func listingTitle(_ schema: CollectionSchema, field: String) -> String {
        "Par " + (schema.field(field)?.label.lowercasedFirst ?? field)
    }
}

extension String {
    /// « Type » → « type » (a label inside a sentence).
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
