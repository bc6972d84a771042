/// The declaration of one kind of content: where its files live, which fields they have,
/// and how it is published. Read from `content/collections.yml` (`CollectionDeclarations`).
public struct CollectionSchema: Sendable, Hashable {
    public enum Layout: Sendable, Hashable {
        /// `<folder>/<slug>.md` or `<folder>/<slug>/index.md`.
        case flat
        /// `<folder>/<group>/<slug>.md`, where `<group>` is a slug of a vocabulary .
        case grouped(vocabulary: String)
    }

    /// Identifier (`agenda`), the key of the declaration in collections.yml.
    public let id: String
    /// The folder of its files under `content/` (the id unless declared otherwise).
    public let folder: String
    /// French plural label (« Agenda »).
    public let label: String
    /// French singular label (« Événement »).
    public let singular: String
    public let layout: Layout
    public let fields: [FieldSpec]
    public let rules: [FieldRule]
    /// Mustache template for one item; nil when the declaration names none.
    public let template: String?
    /// Where the items are published: `nil` means under `<id>/`, `""` at the site root (static pages).
    public let urlPrefix: String?
    /// Whether the collection has its own listing page at `<id>/`.
    public let hasListing: Bool
    /// File names its items may not take, beyond the ones every collection reserves.
    public let reservedSlugs: Set<String>
    /// How the generic renderer publishes it (order, pagination, listings, card, feed, search,
    /// navigation, related items…).
    public var publishing = CollectionPublishing()

    public init(
        id: String, folder: String? = nil, label: String, singular: String, layout: Layout = .flat, fields: [FieldSpec],
        rules: [FieldRule] = [], template: String? = nil, urlPrefix: String? = nil, hasListing: Bool = true,
        reservedSlugs: Set<String> = []
    ) {
        self.id = id
        self.folder = folder ?? id
        self.label = label
        self.singular = singular
        self.layout = layout
        // Every collection may hold drafts.
        self.fields = fields + [CollectionSchema.draftField]
        self.rules = rules
        self.template = template
        self.urlPrefix = urlPrefix
        self.hasListing = hasListing
        self.reservedSlugs = reservedSlugs
    }

    /// `draft`, which every collection has (not declared in collections.yml).
    public static let draftField = FieldSpec("draft", "Brouillon", .bool, aliases: ["brouillon", "ébauche"])

    public func field(_ key: String) -> FieldSpec? { fields.first { $0.key == key } }

    /// The root-relative folder its items are published under (`agenda/`, `` for the root).
    public var publishedPrefix: String {
        if let urlPrefix { return urlPrefix }
        return id + "/"
    }
}
