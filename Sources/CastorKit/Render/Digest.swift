/// What Castor adds to each issue of a collection declared with `digest:` (the newsletter):
/// per section, the items of another collection that are new since the previous issue, or
/// upcoming after this one (`CollectionDigest.Section`).
///
/// An issue that leaves a section out (`skip`) leaves its news to the next issue that has it.
/// « New » is decided by the section's date field only, never by today's date: an issue built
/// again later lists the same items (but for items no longer published: an expired ad leaves
/// the old issues too).
public enum Digest {
    /// One section of one issue, with its items in the order they are shown.
    public struct Part: Sendable {
        public let section: CollectionDigest.Section
        public let entries: [Entry]
    }

    /// One issue: its item, its date, the previous published issue, and its sections (those the
    /// issue leaves out are not there).
    public struct Issue: Sendable {
        public let entry: Entry
        public let date: LocalDate
        public let previous: Entry?
        public let parts: [Part]
    }

    /// The issues of every collection declared with `digest:`, each in date order. `log`
    /// records what they read: the issues whole, and the cards of every item of the sections'
    /// collections (a date edit may move an item into or out of an issue).
    /// `only`: the issues of that collection alone; `bodies` false: the issues are read as cards
    /// (an issue's page shows its own body, read by the page context).
    public static func issues(_ site: Site, log: ReadLog? = nil, only: String? = nil, bodies: Bool = true)
        -> [(schema: CollectionSchema, issues: [Issue])]
    {
        var sources: [String: [Entry]] = [:]
        return site.collections.compactMap { collection in
            guard let digest = collection.schema.publishing.digest, only.map({ $0 == collection.schema.id }) ?? true else { return nil }
            log?.value(.order(collection.schema.id))
            // No issue yet: nothing of the sections' collections is read (a first issue is a new
            // item, which makes every extra file again).
            guard !collection.items.isEmpty else { return (collection.schema, []) }
            for section in digest.sections where sources[section.collection] == nil {
                let entries = site.orderedEntries(of: section.collection)
                sources[section.collection] = entries
                if let log {
                    log.value(.order(section.collection))
                    for entry in entries { log.card(entry.relativePath) }
                }
            }
            let entries = collection.items.map(\.entry)
            for entry in entries { if bodies { log?.item(entry.relativePath) } else { log?.card(entry.relativePath) } }
            return (collection.schema, issues(entries, digest: digest, sources: sources))
        }
    }

    /// The issues among `entries` (those without a date are left out), oldest first. A section
    /// takes what is new since the last earlier issue that did not leave it out: an issue that
    /// skips a section leaves its news to the next one.
    static func issues(_ entries: [Entry], digest: CollectionDigest, sources: [String: [Entry]]) -> [Issue] {
        let dated = entries.compactMap { entry in entry[digest.dateField]?.day.map { (entry: entry, date: $0) } }
            .sorted { ($0.date, $0.entry.relativePath) < ($1.date, $1.entry.relativePath) }
        guard let oldest = dated.first?.date else { return [] }
        // Before the first issue: what is new within `first_days` days.
        let start = oldest.adding(days: -digest.firstDays)
        var result: [Issue] = []
        // Issues of one day share what came before them: the last issue of an earlier day, and
        // for each section the date of the last earlier issue that had it.
        var previous: Entry?
        var since: [String: LocalDate] = [:]
        var day: (date: LocalDate, last: Entry, sections: Set<String>)?
        for (entry, date) in dated {
            if let current = day, current.date < date {
                previous = current.last
                for id in current.sections { since[id] = current.date }
                day = nil
            }
            let skipped = Set(digest.skipField.map { entry[$0]?.listValues ?? [] } ?? [])
            let kept = digest.sections.filter { !skipped.contains($0.id) }
            let parts = kept.map { section in
                Part(section: section, entries: items(section, date: date, since: since[section.id] ?? start, from: sources[section.collection] ?? []))
            }
            result.append(Issue(entry: entry, date: date, previous: previous, parts: parts))
            day = (date, entry, (day?.sections ?? []).union(kept.map(\.id)))
        }
        return result
    }

    /// The items of one section of the issue of `date`: dated after `since` and not after
    /// `date`, newest first; or, for an upcoming section, dated after `date` within its days,
    /// soonest first. Ties by title.
    static func items(_ section: CollectionDigest.Section, date: LocalDate, since: LocalDate, from entries: [Entry]) -> [Entry] {
        let range: ClosedRange<Int>
        if let days = section.upcomingDays {
            range = (date.dayNumber + 1)...(date.dayNumber + days)
        } else {
            guard since < date else { return [] }
            range = (since.dayNumber + 1)...date.dayNumber
        }
        let chosen = entries.compactMap { entry -> (entry: Entry, value: FieldValue)? in
            guard let value = entry[section.field], let day = value.day, range.contains(day.dayNumber) else { return nil }
            for (field, wanted) in section.filter where !(entry[field]?.listValues ?? []).contains(where: wanted.contains) {
                return nil
            }
            return (entry, value)
        }
        let upcoming = section.upcomingDays != nil
        return chosen.sorted { a, b in
            if a.value != b.value {
                return upcoming ? FieldValue.sortsBefore(a.value, b.value) : FieldValue.sortsBefore(b.value, a.value)
            }
            return (a.entry.title, a.entry.relativePath) < (b.entry.title, b.entry.relativePath)
        }.prefix(section.limit).map(\.entry)
    }
}

extension FieldValue {
    /// The values of a text, a term or a list, as a list.
    var listValues: [String] {
        switch self {
        case .text(let text): return [text]
        case .list(let list): return list
        default: return []
        }
    }
}
