/// A sheet of the resource centre: a legal structure, a tool or a template document.
public struct Fiche: Sendable {
    public let entry: Entry
    public var title: String { entry.title }
    public var summary: String { entry.summary }
    /// Slug of `fiche_types`.
    public var type: String { entry.group ?? "" }
    public var themes: [String] { entry["themes"]?.list ?? [] }
    public var regions: [String] { entry["regions"]?.list ?? [] }
    public var updated: LocalDate { entry["updated"]?.day ?? LocalDate(dayNumber: 0) }
    public var authors: [String] { entry["authors"]?.list ?? [] }
    public var attachments: [Attachment] {
        if case .attachments(let list) = entry["attachments"] { return list }
        return []
    }

    public init(_ entry: Entry) { self.entry = entry }
}
