/// Memoised queries over revisions, in the manner of salsa (issue 12).
///
/// Two kinds of keys share one graph:
/// - values: an input or a derived result, known by a fingerprint. `set` stamps it with the
///   current revision only when the fingerprint differs (early cutoff: a value computed again
///   to the same result changes nothing downstream);
/// - queries: a result the owner made (a page, a group of files), with the values it read
///   while it was made (`record`). A query is stale when one of those values changed after it
///   was made; the reverse index finds those queries from the values that changed, so a change
///   looks only at its dependants, never at every query.
///
/// The owner drives it: `advance()` opens a revision, the changed inputs and derived values are
/// `set`, `staleQueries()` says what to make again, each query made is `record`ed, and once
/// every query is fresh the journal of changes is let go (`settle`).
/// A value read by a query that is never set counts as unchanged since revision 0.
struct QueryGraph<Key: Hashable> {
    typealias Revision = Int

    /// The revision values set now are stamped with.
    private(set) var revision: Revision = 1

    private struct Value {
        var fingerprint: Int
        var changedAt: Revision
    }

    private struct Query {
        var reads: [Key]
        var verifiedAt: Revision
    }

    private var values: [Key: Value] = [:]
    private var queries: [Key: Query] = [:]
    /// Value → the queries that read it.
    private var readers: [Key: Set<Key>] = [:]
    /// The values that changed since the owner last settled (`settle`), in revision order: the
    /// stale queries are among their readers.
    private var journal: [(revision: Revision, key: Key)] = []

    init() {}

    /// Opens a new revision: the values set from now on changed after every query made so far.
    mutating func advance() {
        revision += 1
    }

    /// The fingerprint a value has now, if it was ever set.
    func fingerprint(_ key: Key) -> Int? { values[key]?.fingerprint }

    /// Gives a value its fingerprint; returns whether it changed (a value never set changes).
    @discardableResult
    mutating func set(_ key: Key, _ fingerprint: Int) -> Bool {
        if let old = values[key], old.fingerprint == fingerprint { return false }
        values[key] = Value(fingerprint: fingerprint, changedAt: revision)
        journal.append((revision, key))
        return true
    }

    /// Records what a query read when it was made, at the current revision or at an earlier one
    /// (a result made off the owner's loop from an older state). A value read for the first time
    /// starts with `initial`'s fingerprint, as unchanged since revision 0.
    mutating func record(_ query: Key, reads: [Key], at made: Revision? = nil, initial: (Key) -> Int? = { _ in nil }) {
        forget(query)
        var unique: [Key] = []
        unique.reserveCapacity(reads.count)
        var seen = Set<Key>(minimumCapacity: reads.count)
        for key in reads where seen.insert(key).inserted {
            unique.append(key)
            readers[key, default: []].insert(query)
            if values[key] == nil, let fingerprint = initial(key) { values[key] = Value(fingerprint: fingerprint, changedAt: 0) }
        }
        queries[query] = Query(reads: unique, verifiedAt: made ?? revision)
    }

    /// Whether a value changed in the current revision.
    func changedNow(_ key: Key) -> Bool { values[key]?.changedAt == revision }

    /// Whether a query was made and none of its reads changed since.
    func isFresh(_ query: Key) -> Bool {
        guard let memo = queries[query] else { return false }
        return !memo.reads.contains { (values[$0]?.changedAt ?? 0) > memo.verifiedAt }
    }

    /// Whether a query was ever made (and not forgotten).
    func isKnown(_ query: Key) -> Bool { queries[query] != nil }

    /// The queries one of whose reads changed after they were made (from the journal: only the
    /// readers of changed values are looked at).
    func staleQueries() -> Set<Key> {
        var stale = Set<Key>()
        for (revision, key) in journal.reversed() {
            for query in readers[key] ?? [] where !stale.contains(query) {
                if let memo = queries[query], memo.verifiedAt < revision { stale.insert(query) }
            }
        }
        return stale
    }

    /// The values read by some query, among those `matching`.
    func readValues(matching: (Key) -> Bool) -> [Key] {
        readers.keys.filter(matching)
    }

    /// Forgets a query (its result is gone); its reads no longer lead to it.
    mutating func forget(_ query: Key) {
        guard let memo = queries.removeValue(forKey: query) else { return }
        for key in memo.reads {
            readers[key]?.remove(query)
            if readers[key]?.isEmpty == true { readers[key] = nil }
        }
    }

    /// Forgets every query but those `keeping` says to keep.
    mutating func forgetQueries(keeping: (Key) -> Bool = { _ in false }) {
        for query in Array(queries.keys) where !keeping(query) { forget(query) }
    }

    /// Forgets the changes made so far: to call when every query is fresh at the current
    /// revision (made again, or checked and found fresh), or will be made again by its owner
    /// whatever the graph says (the preview's pending search index). A query made later from an
    /// older state (`record(at:)`) still sees the changes set after this call.
    mutating func settle() {
        journal.removeAll(keepingCapacity: true)
    }
}
