/// The preview of the collections (`Site.collections`): an edited item is swapped in, put back
/// in order, and the pages are rendered again when what they read changed; a whole assembly
/// uses the build's own functions (`Pipeline.publishedCollections`, `SitePlan`).
extension SiteStore {
    /// The declared collections' published items, in order (`Pipeline.publishedCollections`).
    func publishedCollections() -> [PublishedCollection] {
        let declared = setup.collections ?? []
        guard !declared.isEmpty else { return [] }
        let ids = Set(declared.map(\.id))
        let published = orderedPaths.compactMap { path -> Entry? in
            guard let entry = entriesByPath[path], ids.contains(entry.collection.id), documents[path]?.isPublished == true else { return nil }
            return entry
        }
        return Pipeline.publishedCollections(published, collections: declared)
    }
}

extension SiteStore {
    /// Puts the changed items of a collection back in its order (`PublishedCollection.before`,
    /// ties by path, as `ordered`); true when the order changed.
    static func reorder(_ collection: inout PublishedCollection, changed: Set<Int>) -> Bool {
        let order = collection.schema.publishing.order
        return SiteStore.reorder(
            &collection.items, changed: changed, key: { PublishedCollection.orderKey($0.entry, order: order) },
            before: { PublishedCollection.before($0, $1, order: order) })
    }

    /// Gives each collection declared with `related:` its related items: those it already has
    /// when `mayChange` says they cannot have changed, else those of the last publication when
    /// the items' order and values are the same (`PublishedCollection.relatedKey`), else new ones.
    /// Returns the ids of the collections whose related items were computed again.
    @discardableResult
    func relate(_ collections: inout [PublishedCollection], mayChange: (Int) -> Bool) -> Set<String> {
        var remade: Set<String> = []
        for index in collections.indices {
            let collection = collections[index]
            guard let spec = collection.schema.publishing.related else { continue }
            if collection.related != nil && !mayChange(index) { continue }
            guard remembers else {
                collections[index].related = PublishedCollection.relatedItems(collection.items, spec: spec)
                continue
            }
            let key = PublishedCollection.relatedKey(collection.items, spec: spec)
            if let last = lastRelated[collection.schema.id], last.key == key {
                collections[index].related = last.related
                continue
            }
            let related = PublishedCollection.relatedItems(collection.items, spec: spec)
            lastRelated[collection.schema.id] = (key, related)
            collections[index].related = related
            remade.insert(collection.schema.id)
        }
        return remade
    }
}
