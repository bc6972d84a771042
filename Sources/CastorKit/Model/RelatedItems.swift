/// The items shown as related on an item's page, for a collection declared with `related:`
/// (`RelatedSpec`): those of the same collection that share the most values of the field, the
/// first in listing order among equals. Only the first `RelatedSpec.window` items of each value
/// are considered, which keeps this linear.
extension PublishedCollection {
    /// Item index → indices of its related items; empty without `related`.
    public static func relatedItems(_ items: [Item], spec: RelatedSpec?, window: Int = RelatedSpec.window) -> [[Int]] {
        guard let spec else { return [] }
        var byValue: [String: [Int]] = [:]
        let values = items.map { $0.terms(spec.field) }
        for (index, slugs) in values.enumerated() {
            for slug in slugs { byValue[slug, default: []].append(index) }
        }
        let shared = byValue
        return Array(items.indices).parallelMap { index in
            var scores: [Int: Int] = [:]
            for slug in values[index] {
                for other in (shared[slug] ?? []).prefix(window) where other != index {
                    scores[other, default: 0] += 1
                }
            }
            return scores.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
                .prefix(spec.limit).map(\.key)
        }
    }

    /// What the related items depend on: the items' order and their values of the field.
    public static func relatedKey(_ items: [Item], spec: RelatedSpec) -> Int {
        var hasher = Hasher()
        hasher.combine(items.count)
        for item in items {
            hasher.combine(item.entry.relativePath)
            hasher.combine(item.terms(spec.field))
        }
        return hasher.finalize()
    }
}
