/// What `castor build` and `castor check` were asked to do.
public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    /// Overrides `base_url` of `site.yml`.
    public var baseURL: String?
    /// « Today », for expiry and upcoming events.
    public var today: LocalDate
    public var includeDrafts: Bool

    public init(
        content: String = "content", templates: String = "templates", output: String = "site",
        baseURL: String? = nil, today: LocalDate, includeDrafts: Bool = false
    ) {
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.today = today
        self.includeDrafts = includeDrafts
    }
}

/// What a build did, for the summary printed to the volunteer.
public struct BuildReport: Sendable {
    public var diagnostics = DiagnosticList()
    public var pagesWritten = 0
    public var filesCopied = 0
    /// Named steps and their duration in seconds, in order.
    public var steps: [(name: String, seconds: Double)] = []
    /// Items published per collection: `key` for `castor check --json` (the collection's id),
    /// `label` for people.
    public var counts: [(key: String, label: String, count: Int)] = []

    /// « agenda : 13, petites annonces : 9 ».
    public var countsText: String { counts.map { "\($0.label) : \($0.count)" }.joined(separator: ", ") }
    /// The collections with a `lifecycle`, each with its items left out because they expired
    /// (paths) and those leaving within 14 days, so volunteers can contact their authors.
    public var lifecycles: [LifecycleReport] = []
    /// What was read and checked, for `castor check`'s extra warnings (see `ContentAudit`).
    public var inventory: ContentInventory?
    public init() {}

    public var succeeded: Bool { !diagnostics.hasErrors && pagesWritten > 0 }
}

/// What the build says of one collection with a `lifecycle` (the petites annonces).
public struct LifecycleReport: Sendable {
    /// The collection's label (« Petites annonces »).
    public let label: String
    public var expired: [String] = []
    public var expiring: [(file: String, title: String, expires: LocalDate)] = []
}
