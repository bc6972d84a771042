/// A checked front matter value.
public enum FieldValue: Sendable, Hashable {
    case text(String)
    case date(LocalDate)
    case dateTime(LocalDateTime)
    case bool(Bool)
    case number(Double)
    case list([String])
    case attachments([Attachment])

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public var list: [String] {
        if case .list(let value) = self { return value }
        return []
    }

    /// The calendar day of a date or a date-time.
    public var day: LocalDate? {
        switch self {
        case .date(let date): return date
        case .dateTime(let dateTime): return dateTime.date
        default: return nil
        }
    }
}

/// A downloadable file listed by an item (`attachments` field).
public struct Attachment: Sendable, Hashable {
    /// Path relative to the item's folder (`charte-de-groupe.odt`).
    public let file: String
    public let title: String
    public let size: Int

    /// Upper-case extension (`ODT`), for « Trame (ODT, 12 Ko) ».
    public var kind: String {
        guard let dot = file.lastIndex(of: ".") else { return "fichier" }
        return file[file.index(after: dot)...].uppercased()
    }
}
