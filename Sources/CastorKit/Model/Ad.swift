/// A classified ad (petite annonce).
public struct Ad: Sendable {
    public let entry: Entry
    /// Lifetime given to an ad written without `expires`.
    public let defaultLifetimeDays: Int

    public init(_ entry: Entry, defaultLifetimeDays: Int = 90) {
        self.entry = entry
        self.defaultLifetimeDays = defaultLifetimeDays
    }

    public var title: String { entry.title }
    /// The summary; like the title, its contacts (the ad's own included) read
    /// « [contact sur l'annonce] » (masked in `Entry`).
    public var summary: String { entry.summary }
    public var category: String { entry["category"]?.text ?? "" }
    public var region: String? { entry["region"]?.text }
    public var published: LocalDate { entry["published"]?.day ?? LocalDate(dayNumber: 0) }
    /// The day after which the ad is no longer published: `expires`, or `published` plus the
    /// default lifetime.
    public var expires: LocalDate { entry["expires"]?.day ?? published.adding(days: defaultLifetimeDays) }
    /// Whether `expires` was left out and the default lifetime applies.
    public var usesDefaultLifetime: Bool { entry["expires"] == nil }
    public var contact: String { entry["contact"]?.text ?? "" }
    public var price: Double? {
        if case .number(let value) = entry["price"] { return value }
        return nil
    }

    /// An ad is shown up to and including its expiry day.
    public func isExpired(today: LocalDate) -> Bool { expires < today }

    /// Published and expiring within `days` days from `today` (included).
    public func expiresSoon(today: LocalDate, within days: Int = 14) -> Bool {
        !isExpired(today: today) && expires <= today.adding(days: days)
    }
}

