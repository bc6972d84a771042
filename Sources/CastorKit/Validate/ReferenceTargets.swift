/// The items that reference fields may name, by collection, and how a written name is looked
/// up: shared by the check (`ReferenceCheck`, every valid item) and the pages
/// (`ReferenceIndex`, the published ones), so both read a name the same way.
public struct ReferenceTargets: Sendable {
    /// Collection id → name (slug; `group/slug` too in a grouped collection) → items.
    private var byName: [String: [String: [Entry]]] = [:]

    /// The items of `collections` among `entries`.
    public init<S: Sequence>(_ entries: S, collections: Set<String>) where S.Element == Entry {
        for entry in entries where collections.contains(entry.collection.id) {
            byName[entry.collection.id, default: [:]][entry.slug, default: []].append(entry)
            if let group = entry.group {
                byName[entry.collection.id, default: [:]][group + "/" + entry.slug, default: []].append(entry)
            }
        }
    }

    /// Puts `entry` where an older version of it (same path) was: its names are unchanged (the
    /// caller knows its slug and group are the same), only what it shows (its title) changed.
    mutating func replace(_ entry: Entry) {
        let id = entry.collection.id
        guard byName[id] != nil else { return }
        var names = [entry.slug]
        if let group = entry.group { names.append(group + "/" + entry.slug) }
        for name in names {
            guard let index = byName[id]?[name]?.firstIndex(where: { $0.relativePath == entry.relativePath }) else { continue }
            byName[id]![name]![index] = entry
        }
    }

    public enum Lookup {
        case found(Entry)
        /// Several items have this slug: the path must be written.
        case ambiguous([Entry])
        /// The item exists but outside the field's `group`.
        case outsideGroup(Entry)
        /// No item: the nearest name, if one is close.
        case missing(suggestion: String?)
    }

    public func lookup(_ name: String, rule: ReferenceRule) -> Lookup {
        let names = byName[rule.collection] ?? [:]
        var matches = names[name] ?? []
        if let group = rule.group {
            let inGroup = matches.filter { $0.group == group }
            if inGroup.isEmpty, let other = matches.first { return .outsideGroup(other) }
            matches = inGroup
        }
        if matches.count == 1 { return .found(matches[0]) }
        if matches.count > 1 { return .ambiguous(matches) }
        return .missing(suggestion: ReferenceTargets.nearest(name, in: candidates(rule)))
    }

    /// The item a name stands for, when there is exactly one.
    public func resolve(_ name: String, rule: ReferenceRule) -> Entry? {
        if case .found(let entry) = lookup(name, rule: rule) { return entry }
        return nil
    }

    /// The plain slugs a field may name, sorted.
    func candidates(_ rule: ReferenceRule) -> [String] {
        let names = byName[rule.collection] ?? [:]
        return names.filter { name, entries in
            !name.contains("/") && (rule.group == nil || entries.contains { $0.group == rule.group })
        }.keys.sorted()
    }

    /// The closest name: within a quarter of its length in edits (at least 2), else one that
    /// contains it or that it contains.
    static func nearest(_ name: String, in candidates: [String]) -> String? {
        let bare = name.split(separator: "/").last.map(String.init) ?? name
        if let near = Validator.nearest(bare, in: candidates, within: max(2, bare.count / 4)) { return near }
        return candidates.first { $0.contains(bare) || (bare.contains($0) && $0.count >= 4) }
    }
}
