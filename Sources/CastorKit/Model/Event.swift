/// A date in the agenda: the whole day, or a local time in the site's zone.
public enum EventTime: Sendable, Hashable, Comparable {
    case day(LocalDate)
    case time(LocalDateTime)

    public var date: LocalDate {
        switch self {
        case .day(let date): return date
        case .time(let dateTime): return dateTime.date
        }
    }

    public var iso: String {
        switch self {
        case .day(let date): return date.iso
        case .time(let dateTime): return dateTime.iso
        }
    }

    init?(_ value: FieldValue?) {
        switch value {
        case .date(let date): self = .day(date)
        case .dateTime(let dateTime): self = .time(dateTime)
        default: return nil
        }
    }

    /// Sorts by day, a whole-day event before timed ones of the same day.
    public static func < (lhs: EventTime, rhs: EventTime) -> Bool {
        switch (lhs, rhs) {
        case (.day(let a), .day(let b)): return a < b
        case (.time(let a), .time(let b)): return a < b
        case (.day(let a), .time(let b)): return a <= b.date
        case (.time(let a), .day(let b)): return a.date < b
        }
    }
}

/// An item of a collection declared with `calendar:` (the agenda), its fields read through
/// the declaration (`CalendarSpec`).
public struct Event: Sendable {
    public enum Status: String, Sendable { case confirmed, cancelled, postponed }

    public let entry: Entry
    public let spec: CalendarSpec
    public let start: EventTime
    public let end: EventTime?

    public init(_ entry: Entry, spec: CalendarSpec) {
        self.entry = entry
        self.spec = spec
        self.start = EventTime(entry[spec.start]) ?? .day(LocalDate(dayNumber: 0))
        self.end = spec.end.flatMap { EventTime(entry[$0]) }
    }

    private func text(_ key: String?) -> String? { key.flatMap { entry[$0]?.text } }

    public var title: String { entry.title }
    public var summary: String { entry.summary }
    public var location: String? { text(spec.location) }
    /// Its value of the `scope` field (a slug of `regions`).
    public var region: String? { text(spec.scope) }
    public var online: String? { text(spec.online) }
    public var registration: String? { text(spec.registration) }
    public var status: Status { text(spec.status).flatMap(Status.init(rawValue:)) ?? .confirmed }
    /// When the event was announced (`announced`), if the volunteer said so.
    public var announced: LocalDate? { spec.announced.flatMap { entry[$0]?.day } }

    /// The date the Atom feed sorts and stamps the event by: `announced`, or else its first day.
    public var announcementDate: LocalDate { announced ?? start.date }

    /// « Annulé », « Reporté », or nil for a confirmed event.
    public var statusLabel: String? {
        switch status {
        case .confirmed: return nil
        case .cancelled: return "Annulé"
        case .postponed: return "Reporté"
        }
    }

    /// Whether it is a whole-day event (`start` without a time).
    public var isAllDay: Bool {
        if case .day = start { return true }
        return false
    }

    /// The `.ics` file of the event, inside its page's folder (`agenda/foo/foo.ics`).
    public var calendarFile: String { entry.url + entry.slug + ".ics" }

    /// An identifier for calendars that stays the same across builds and edits: it comes
    /// from the file's path (renaming the file changes it) and the site's address.
    /// `agenda/foo@ressources.example.org`, `reseau/agenda/foo@example.org` under a sub-path.
    public func uid(config: SiteConfig) -> String {
        let path = String(config.basePath.dropFirst()) + String(entry.url.dropLast())
        return path + "@" + config.host
    }

    /// The last day the event covers.
    public var lastDay: LocalDate { end?.date ?? start.date }

    /// Upcoming when it has not finished before `today`.
    public func isUpcoming(today: LocalDate) -> Bool { lastDay >= today }

    /// « samedi 12 juin 2027, 9 h 30 – 17 h », « du 12 au 14 juin 2027 », « samedi 12 juin 2027 »,
    /// « du 27 mars, 9 h, au 28 mars 2027, 17 h ».
    public var frenchDateLabel: String {
        switch (start, end) {
        case (.day(let day), nil):
            return French.longDate(day)
        case (.time(let time), nil):
            return "\(French.longDate(time.date)), \(French.time(hour: time.hour, minute: time.minute))"
        case (.time(let from), .time(let to)?) where from.date == to.date:
            return "\(French.longDate(from.date)), \(French.time(hour: from.hour, minute: from.minute)) – \(French.time(hour: to.hour, minute: to.minute))"
        case (.day(let from), .day(let to)?) where from == to:
            return French.longDate(from)
        case (.time(let from), .time(let to)?):
            // Over several days: both times are said.
            let first = from.date.year == to.date.year
                ? "\(French.dayOrdinal(from.date.day)) \(French.months[from.date.month - 1])" : French.date(from.date)
            let fromTime = French.time(hour: from.hour, minute: from.minute)
            return "du \(first), \(fromTime), au \(French.date(to.date)), \(French.time(hour: to.hour, minute: to.minute))"
        default:
            let from = start.date
            let to = lastDay
            var text: String
            if from.year == to.year && from.month == to.month {
                text = "du \(French.dayOrdinal(from.day)) au \(French.date(to))"
            } else if from.year == to.year {
                text = "du \(French.dayOrdinal(from.day)) \(French.months[from.month - 1]) au \(French.date(to))"
            } else {
                text = "du \(French.date(from)) au \(French.date(to))"
            }
            if case .time(let t) = start { text += " (début à \(French.time(hour: t.hour, minute: t.minute)))" }
            return text
        }
    }
}
