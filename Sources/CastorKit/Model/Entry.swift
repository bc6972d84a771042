/// One Markdown file of a collection, checked against its declaration.
public struct Entry: Sendable {
    /// The declaration of its collection.
    public var collection: CollectionSchema { shared.value }
    /// Held once for all the entries of a collection (`Validator`): a declaration is several
    /// hundred bytes, which every array of entries would otherwise copy for every entry.
    private let shared: SharedSchema
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
    /// The Markdown source of the body; empty in the entries of a built `Site` (`withoutSource`).
    public private(set) var body: String
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
        self.init(
            shared: SharedSchema(collection), relativePath: relativePath, displayPath: displayPath, group: group, slug: slug,
            isBundle: isBundle, fields: fields, positions: positions, body: body, bodyFirstLine: bodyFirstLine, url: url)
    }

    init(
        shared: SharedSchema, relativePath: String, displayPath: String, group: String?, slug: String,
        isBundle: Bool, fields: [String: FieldValue], positions: [String: SourcePosition], body: String,
        bodyFirstLine: Int, url: String
    ) {
        self.shared = shared
        let collection = shared.value
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

    /// The same entry without its Markdown source, for what only reads the rendered body:
    /// `castor build` keeps every entry until the last page is written.
    public func withoutSource() -> Entry {
        var entry = self
        entry.body = ""
        return entry
    }

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

/// A collection's declaration, held once for every entry made from it.
final class SharedSchema: Sendable {
    let value: CollectionSchema

    init(_ value: CollectionSchema) { self.value = value }
}
