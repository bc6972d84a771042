/// Where an item sits in the preview's last publication (`LiveSite.itemPlaces`).
enum ItemPlace {
    /// Kind 0 is the fiches; a declared collection published by the generic renderer is kind
    /// `firstCollection` + its index in `Site.collections`.
    static let firstCollection = 1
}

/// The preview of the collections the generic renderer publishes (`Site.collections`): an edit
/// of one of their items takes the same paths as a fiche's (swapped in, put back in order,
/// pages rendered again when what they read changed), and a whole assembly uses the build's
/// own functions (`Builder.publishedCollections`, `SitePlan.collectionJobs`).
extension LiveSite {
    /// The declared collections' published items, in order, as `Builder.check` makes them.
    func publishedCollections() -> [PublishedCollection] {
        let declared = (setup.collections ?? []).filter { !BuiltinKinds.isBuiltin($0) }
        guard !declared.isEmpty else { return [] }
        let ids = Set(declared.map(\.id))
        let published = orderedPaths.compactMap { path -> Entry? in
            guard let entry = entriesByPath[path], ids.contains(entry.collection.id), documents[path]?.isPublished == true else { return nil }
            return entry
        }
        return Builder.publishedCollections(published, collections: declared)
    }
}
