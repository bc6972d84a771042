/// One Markdown file of a collection, checked against its declaration.
public struct Entry: Sendable {
    public let collection: CollectionSchema
    /// Path under the content folder (`<folder>/<group>/<slug>/index.md`).
    public let relativePath: String
    /// Path as shown in messages (`content/…`).
    public let displayPath: String
    /// The vocabulary slug of its folder for grouped collections .
    public let group: String?
    public let slug: String
    /// Whether the item is a folder (`<slug>/index.md`) that may hold attachments.
    public let isBundle: Bool
    public let fields: [String: FieldValue]
    /// Where each field was written, for messages.
    public let positions: [String: SourcePosition]
    public let body: String
    public let bodyFirstLine: Int
    /// Root-relative URL of its page, ending with `/` (`<prefix><group>/<slug>/`).
    public let url: String

    /// `fields` are stored with every e-mail address and phone number of their texts masked
    /// (`ContactMask.maskedFields`): this is the one place front matter texts are masked, so
    /// that every output (pages, feeds, calendars, widget, search index, and any new one)
    /// reads them masked.
    public init(
        collection: CollectionSchema, relativePath: String, displayPath: String, group: String?, slug: String,
        isBundle: Bool, fields: [String: FieldValue], positions: [String: SourcePosition], body: String,
        bodyFirstLine: Int, url: String
    ) {
        self.collection = collection
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.group = group
        self.slug = slug
        self.isBundle = isBundle
        self.fields = ContactMask.maskedFields(fields, collection: collection)
        self.positions = positions
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.url = url
    }

    public subscript(key: String) -> FieldValue? { fields[key] }

    public var title: String { fields["title"]?.text ?? slug }
    public var summary: String { fields["summary"]?.text ?? "" }
    public var isDraft: Bool { fields["draft"] == .bool(true) }

    /// Folder of the source file under the content folder (`<folder>/<group>/<slug>`).
    public var sourceFolder: String {
        guard let slash = relativePath.lastIndex(of: "/") else { return "" }
        return String(relativePath[..<slash])
    }

    public func position(of key: String) -> SourcePosition {
        positions[key] ?? SourcePosition(line: 1, column: 1)
    }
}
