/// The references between the published items of a site: the item each written name stands
/// for, and for each item the items that name it through a field declaring `backlinks`.
/// Made once per build (`PageContext`); empty when no collection has a reference field.
public struct ReferenceIndex: Sendable {
    /// The items that name one item through one field: « Projets qui ont choisi cette structure ».
    public struct Backlinks: Sendable {
        public let label: String
        public var entries: [Entry]
    }

    private(set) var targets: ReferenceTargets
    /// Target path → its backlinks, in the order of the declarations.
    public private(set) var backlinks: [String: [Backlinks]] = [:]
    /// Path → paths of the items its page shows by reference (named by it, or naming it).
    public private(set) var related: [String: [String]] = [:]

    /// The collections whose items name others (by id): the order of their items is the order
    /// of the backlinks.
    public let sources: Set<String>

    public init(site: Site) {
        // Only collections with published items name anything.
        let sources = site.collections.filter { !$0.schema.referenceFields.isEmpty && !$0.items.isEmpty }.map(\.schema)
        self.sources = Set(sources.map(\.id))
        guard !sources.isEmpty else {
            targets = ReferenceTargets([], collections: [])
            return
        }
        let wanted = Set(sources.flatMap { $0.referenceFields.map(\.rule.collection) })
        let entries = site.publishedEntries(of: wanted.union(sources.map(\.id)))
        targets = ReferenceTargets(entries, collections: wanted)
        var groups: [String: [String: Int]] = [:]
        for entry in entries where !entry.collection.referenceFields.isEmpty {
            for (spec, rule) in entry.collection.referenceFields {
                for name in ReferenceIndex.names(entry[spec.key]) {
                    guard let target = targets.resolve(name, rule: rule) else { continue }
                    related[entry.relativePath, default: []].append(target.relativePath)
                    related[target.relativePath, default: []].append(entry.relativePath)
                    guard let label = rule.backlinks else { continue }
                    let key = entry.collection.id + "\u{0}" + spec.key
                    if let index = groups[target.relativePath]?[key] {
                        backlinks[target.relativePath]![index].entries.append(entry)
                    } else {
                        groups[target.relativePath, default: [:]][key] = backlinks[target.relativePath, default: []].count
                        backlinks[target.relativePath, default: []].append(Backlinks(label: label, entries: [entry]))
                    }
                }
            }
        }
    }

    /// Takes newer versions of some of its items, when what the index decided cannot have
    /// changed: the same published items, the same fields but titles and summaries (so the same
    /// names and the same named items), and the collections that name others in the same order
    /// (`SiteStore.assemble` checks that). Only what the pages show of those items (their
    /// titles) is new: a title edit on a large site no longer rebuilds the whole index.
    public mutating func refresh(_ entries: [Entry]) {
        for entry in entries {
            targets.replace(entry)
            // Where it names another item, it is one of that item's backlinks.
            guard sources.contains(entry.collection.id) else { continue }
            for target in related[entry.relativePath] ?? [] {
                guard let groups = backlinks[target]?.indices else { continue }
                for group in groups {
                    for index in backlinks[target]![group].entries.indices
                    where backlinks[target]![group].entries[index].relativePath == entry.relativePath {
                        backlinks[target]![group].entries[index] = entry
                    }
                }
            }
        }
    }

    /// The published item a name stands for.
    public func resolve(_ name: String, rule: ReferenceRule) -> Entry? { targets.resolve(name, rule: rule) }

    /// The names written in a reference field's value.
    static func names(_ value: FieldValue?) -> [String] {
        switch value {
        case .text(let name)?: return [name]
        case .list(let names)?: return names
        default: return []
        }
    }
}

extension Site {
    /// The published items of the given collections, in the site's order.
    func publishedEntries(of ids: Set<String>) -> [Entry] {
        collections.filter { ids.contains($0.schema.id) }.flatMap { $0.items.map(\.entry) }
    }
}
