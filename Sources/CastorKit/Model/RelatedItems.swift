import Foundation

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
        let count = items.count
        let limit = spec.limit
        // A share of the items per task, each with its own tally of candidates: counting into
        // an array and keeping the best few is linear, where a dictionary per item and a sort
        // of its candidates was most of the step on a large collection.
        let tasks = Swift.max(1, Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let starts = Array(stride(from: 0, to: count, by: (count + tasks - 1) / tasks))
        let slices = starts.parallelMap { start -> [[Int]] in
            let end = Swift.min(count, start + (count + tasks - 1) / tasks)
            var scores = [Int](repeating: 0, count: count)
            var touched: [Int] = []
            var result: [[Int]] = []
            result.reserveCapacity(end - start)
            for index in start..<end {
                for slug in values[index] {
                    for other in (shared[slug] ?? []).prefix(window) where other != index {
                        if scores[other] == 0 { touched.append(other) }
                        scores[other] += 1
                    }
                }
                // The `limit` best: most shared values first, then listing order.
                var best: [(index: Int, score: Int)] = []
                for other in touched {
                    let score = scores[other]
                    scores[other] = 0
                    let position = best.firstIndex { score > $0.score || (score == $0.score && other < $0.index) } ?? best.count
                    if position < limit {
                        best.insert((other, score), at: position)
                        if best.count > limit { best.removeLast() }
                    }
                }
                touched.removeAll(keepingCapacity: true)
                result.append(best.map(\.index))
            }
            return result
        }
        return slices.flatMap { $0 }
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
