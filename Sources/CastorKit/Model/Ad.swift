/// A classified ad (petite annonce).
public struct Ad: Sendable {
    public let entry: Entry
    public init(_ entry: Entry) { self.entry = entry }

    public var title: String { entry.title }
    public var summary: String { entry.summary }
    public var category: String { entry["category"]?.text ?? "" }
    public var region: String? { entry["region"]?.text }
    public var published: LocalDate { entry["published"]?.day ?? LocalDate(dayNumber: 0) }
    public var expires: LocalDate? { entry["expires"]?.day }
    public var contact: String { entry["contact"]?.text ?? "" }
    public var price: Double? {
        if case .number(let value) = entry["price"] { return value }
        return nil
    }

    /// An ad is shown up to and including its expiry day.
    public func isExpired(today: LocalDate) -> Bool {
        guard let expires else { return false }
        return expires < today
    }
}

/// A static page (« À propos », « Mentions légales »).
public struct Page: Sendable {
    public let entry: Entry
    public init(_ entry: Entry) { self.entry = entry }
    public var title: String { entry.title }
    public var summary: String { entry.summary }
}
