/// One published item of a collection the generic renderer publishes: its fields are read
/// through the declaration (`entry.collection`), never by a name written in Swift.
public struct Item: Sendable {
    public let entry: Entry

    public init(_ entry: Entry) { self.entry = entry }

    public var title: String { entry.title }
    public var summary: String { entry.summary }
    public var schema: CollectionSchema { entry.collection }

    /// The slugs of a term / terms field.
    public func terms(_ field: String) -> [String] {
        switch entry[field] {
        case .text(let slug)?: return [slug]
        case .list(let slugs)?: return slugs
        default: return []
        }
    }

    /// The date of the feed entry and the sitemap: the order field when it is a date, else the
    /// first date field with a value.
    public var date: LocalDate? {
        if let order = schema.publishing.order, let day = entry[order.field]?.day { return day }
        for field in schema.fields {
            switch field.type {
            case .date, .dateOrDateTime: if let day = entry[field.key]?.day { return day }
            default: continue
            }
        }
        return nil
    }
}

/// A declared collection published by the generic renderer, with its items in listing order.
public struct PublishedCollection: Sendable {
    public let schema: CollectionSchema
    public var items: [Item]
    /// Item index → indices of its related items (`related:`, `RelatedItems`); nil until computed.
    public var related: [[Int]]?

    public init(schema: CollectionSchema, items: [Item]) {
        self.schema = schema
        self.items = items
    }

    /// The items in the declared order (`order: {field, direction}`), ties and undeclared order
    /// by title, then by path (stable).
    public static func ordered(_ schema: CollectionSchema, entries: [Entry]) -> PublishedCollection {
        let order = schema.publishing.order
        let keys = entries.map { orderKey($0, order: order) }
        let indices = entries.indices.sorted { a, b in
            if before(keys[a], keys[b], order: order) { return true }
            if before(keys[b], keys[a], order: order) { return false }
            return entries[a].relativePath < entries[b].relativePath
        }
        return PublishedCollection(schema: schema, items: indices.map { Item(entries[$0]) })
    }

    /// What an item's place in the order depends on: its value of the order field, its title.
    public static func orderKey(_ entry: Entry, order: CollectionPublishing.Order?) -> (value: FieldValue?, title: String) {
        (order.flatMap { entry[$0.field] }, entry.title)
    }

    /// Whether an item of key `a` comes before one of key `b` (ties then go by path).
    public static func before(
        _ a: (value: FieldValue?, title: String), _ b: (value: FieldValue?, title: String), order: CollectionPublishing.Order?
    ) -> Bool {
        if let order, a.value != b.value {
            // Items without a value come last, whatever the direction.
            guard let valueA = a.value else { return false }
            guard let valueB = b.value else { return true }
            return order.descending ? FieldValue.sortsBefore(valueB, valueA) : FieldValue.sortsBefore(valueA, valueB)
        }
        return a.title < b.title
    }
}

extension FieldValue {
    /// A total order on values of one field: dates and times by time, numbers by value, texts
    /// and lists by their French-insensitive text.
    static func sortsBefore(_ a: FieldValue, _ b: FieldValue) -> Bool {
        func key(_ value: FieldValue) -> (Int, Double, String) {
            switch value {
            case .date(let date): return (0, Double(date.dayNumber) * 1440, "")
            case .dateTime(let time): return (0, Double(time.date.dayNumber) * 1440 + Double(time.hour * 60 + time.minute), "")
            case .number(let number): return (1, number, "")
            case .bool(let flag): return (1, flag ? 1 : 0, "")
            case .text(let text): return (2, 0, CollectionSchema.fold(text))
            case .list(let list): return (2, 0, CollectionSchema.fold(list.joined(separator: " ")))
            case .attachments(let files): return (3, Double(files.count), "")
            }
        }
        let (x, y) = (key(a), key(b))
        return x < y
    }
}
