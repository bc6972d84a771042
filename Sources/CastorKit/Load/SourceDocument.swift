/// A Markdown file of a collection, read and split, not yet checked.
public struct SourceDocument: Sendable {
    public let collection: CollectionSchema
    public let relativePath: String
    public let displayPath: String
    public let group: String?
    public let slug: String
    public let isBundle: Bool
    public let frontMatter: YAMLTree?
    public let body: String
    public let bodyFirstLine: Int
    /// Problems found while reading the file that do not stop it (a value cut by « # »).
    public var warnings: [Diagnostic] = []
}
