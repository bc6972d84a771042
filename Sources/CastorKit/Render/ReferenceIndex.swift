/// The references between the published items of a site: the item each written name stands
/// for, and for each item the items that name it through a field declaring `backlinks`.
/// Made once per build (`PageContext`); empty when no collection has a reference field.
public struct ReferenceIndex: Sendable {
    /// The items that name one item through one field: « Projets qui ont choisi cette structure ».
    public struct Backlinks: Sendable {
        public let label: String
        public var entries: [Entry]
    }

    let targets: ReferenceTargets
    /// Target path → its backlinks, in the order of the declarations.
    public private(set) var backlinks: [String: [Backlinks]] = [:]
    /// Path → paths of the items its page shows by reference (named by it, or naming it).
    public private(set) var related: [String: [String]] = [:]

    public init(site: Site) {
        let schemas = site.schemas
        let sources = schemas.filter { !$0.referenceFields.isEmpty }
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
    /// The declarations of the collections the site has items of (or declares), each once.
    var schemas: [CollectionSchema] {
        var seen: Set<String> = []
        return collections.map(\.schema).filter { seen.insert($0.id).inserted }
    }

    /// The published items of the given collections, in the site's order.
    func publishedEntries(of ids: Set<String>) -> [Entry] {
        collections.filter { ids.contains($0.schema.id) }.flatMap { $0.items.map(\.entry) }
    }
}
