/// The preview of the collections the generic renderer publishes (`Site.collections`): their
/// items are few, so an edit of one of them takes the whole path of `publish` (items sorted
/// again, plan made again, pages whose fingerprint changed written), with the build's own
/// functions (`Builder.publishedCollections`, `SitePlan.collectionJobs`).
extension LiveSite {
    /// Whether a pending change is an item of a declared collection without dedicated code.
    var touchesDeclaredCollections: Bool {
        for path in pendingEntries.union(pendingBodies).union(changedCards) {
            if let entry = documents[path]?.entry ?? entriesByPath[path], !BuiltinKinds.isBuiltin(entry.collection) { return true }
        }
        return false
    }

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
