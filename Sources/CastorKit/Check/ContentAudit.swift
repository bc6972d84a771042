import Foundation

/// What `check` read: every valid item, the files beside them, and what the links point at.
public struct ContentInventory: Sendable {
    /// Items that passed the checks (drafts and expired ads included).
    public let entries: [Entry]
    /// Paths of the items published by this run.
    public let published: Set<String>
    /// Files of the content folder other than Markdown (paths under it).
    public let assets: [String]
    /// Paths under the content folder that the links and images of the published items look for.
    public let linked: Set<String>
    public let config: SiteConfig
    /// The content folder as typed, for the paths shown.
    public let contentRoot: String
}

/// The warnings `castor check` adds to the build's own checks: things that do not stop the
/// site but that the volunteers should look at. None of them is an error.
public enum ContentAudit {
    public static func warnings(_ inventory: ContentInventory, today: LocalDate) -> [Diagnostic] {
        unusedFiles(inventory) + duplicateTitles(inventory) + expiringItems(inventory, today: today)
            + placeholders(inventory) + StaleItems.warnings(inventory, today: today)
    }

    /// Files copied to the site that no page shows: not in an item's `attachments`, not the
    /// target of any link or image.
    static func unusedFiles(_ inventory: ContentInventory) -> [Diagnostic] {
        let bundles = inventory.entries.filter(\.isBundle)
        let published = Pipeline.publishedAssets(inventory.assets, entries: bundles) { inventory.published.contains($0.relativePath) }
        var declared: Set<String> = []
        for entry in bundles {
            if case .attachments(let list) = entry["attachments"] {
                for attachment in list { declared.insert(entry.sourceFolder + "/" + attachment.file) }
            }
        }
        var result: [Diagnostic] = []
        for asset in published where !inventory.linked.contains(asset) && !declared.contains(asset) {
            let name = (asset as NSString).lastPathComponent
            let message = "le fichier « \(name) » n'est ni une pièce jointe déclarée ni la cible d'un lien : il est copié sur le site mais aucune page n'y mène"
            if let bundle = bundles.first(where: { asset.hasPrefix($0.sourceFolder + "/") }) {
                result.append(
                    .warning(bundle.displayPath, bundle.positions["attachments"] ?? SourcePosition(line: 1, column: 1), message,
                        hint: "ajoutez-le à « attachments » (file: \(asset.dropFirst(bundle.sourceFolder.count + 1)), title: …), faites-y un lien dans le texte, ou supprimez-le"))
            } else {
                let shown = ContentLoader(contentRoot: inventory.contentRoot, collections: []).display(asset)
                result.append(
                    .warning(shown, .unknown, message, hint: "faites-y un lien depuis une page, ou supprimez-le"))
            }
        }
        return result
    }

    /// Two published items of the same kind whose titles read the same.
    static func duplicateTitles(_ inventory: ContentInventory) -> [Diagnostic] {
        var groups: [String: [Entry]] = [:]
        for entry in inventory.entries where inventory.published.contains(entry.relativePath) {
            groups[entry.collection.id + "\u{0}" + Slug.make(entry.title), default: []].append(entry)
        }
        var result: [Diagnostic] = []
        for (_, entries) in groups where entries.count > 1 {
            let sorted = entries.sorted { $0.relativePath < $1.relativePath }
            for entry in sorted {
                let others = sorted.filter { $0.relativePath != entry.relativePath }.map { "« \($0.displayPath) »" }
                result.append(
                    .warning(entry.displayPath, entry.position(of: "title"),
                        "même titre que \(others.prefix(3).joined(separator: ", "))\(others.count > 3 ? " et \(others.count - 3) autres" : "") : « \(entry.title) »",
                        hint: "deux contenus au même titre se confondent dans les listes : précisez l'un des titres, ou gardez un seul des deux"))
            }
        }
        return result
    }

    /// Items of a collection with a `lifecycle` that leave the site within 14 days (included).
    static func expiringItems(_ inventory: ContentInventory, today: LocalDate) -> [Diagnostic] {
        inventory.entries.compactMap { entry -> Diagnostic? in
            guard let lifecycle = entry.collection.publishing.lifecycle, !entry.isDraft,
                lifecycle.expiresSoon(entry, today: today), let last = lifecycle.lastDay(of: entry)
            else { return nil }
            let days = last.dayNumber - today.dayNumber
            let when = days == 0 ? "aujourd'hui" : (days == 1 ? "demain" : "dans \(days) jours, le \(French.date(last))")
            let usesDefault = lifecycle.usesDefault(entry)
            let source = usesDefault ? " (durée par défaut de \(lifecycle.defaultDays ?? 0) jours après « \(lifecycle.from ?? "") »)" : ""
            return .warning(
                entry.displayPath, entry.position(of: usesDefault ? (lifecycle.from ?? lifecycle.field) : lifecycle.field),
                "fin de publication \(when)\(source)",
                hint: "si le contenu est toujours d'actualité, prolongez-le en changeant « \(lifecycle.field) » ; sinon, rien à faire : il disparaîtra de lui-même")
        }
    }

    /// « À compléter » left by `castor new` in a published item.
    static func placeholders(_ inventory: ContentInventory) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for entry in inventory.entries where inventory.published.contains(entry.relativePath) {
            let hint = "remplacez-le par le vrai texte avant de publier, ou remettez « draft: true »"
            // The placeholder contact is an error of the build itself (PublicationRules).
            for key in ["title", "summary", "contact", "location"] {
                guard let text = entry[key]?.text else { continue }
                if text.contains(Scaffold.placeholder) {
                    result.append(.warning(entry.displayPath, entry.position(of: key), "« \(key) » est encore à compléter", hint: hint))
                }
            }
            if let range = entry.body.range(of: Scaffold.placeholder) {
                let line = entry.body[..<range.lowerBound].filter { $0 == "\n" }.count
                result.append(
                    .warning(entry.displayPath, SourcePosition(line: entry.bodyFirstLine + line, column: 1),
                        "le texte contient encore « \(Scaffold.placeholder) »", hint: hint))
            }
        }
        return result
    }
}

/// `castor check --format json`: a stable description of the problems, for tools.
///
/// ```json
/// {"schema": "castor-check/1",
///  "summary": {"errors": 1, "warnings": 2, "text": "1 erreur, 2 avertissements",
///              "counts": {"<collection>": 20, …}},
///  "diagnostics": [{"file": "content/annonces/x.md", "line": 4, "column": 11,
///                   "severity": "error", "message": "…", "hint": "…"}]}
/// ```
/// `severity` is `error` or `warning`; `line` and `column` start at 1, 0 when unknown;
/// `hint` is null when there is none. Diagnostics are sorted by file, line, column.
public struct CheckReport: Codable, Sendable, Equatable {
    public static let schemaName = "castor-check/1"

    public struct Item: Codable, Sendable, Equatable {
        public let file: String
        public let line: Int
        public let column: Int
        public let severity: String
        public let message: String
        public let hint: String?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(hint, forKey: .hint)  // null rather than absent
        }
    }

    public struct Summary: Codable, Sendable, Equatable {
        public let errors: Int
        public let warnings: Int
        public let text: String
        public let counts: [String: Int]
    }

    public let schema: String
    public let summary: Summary
    public let diagnostics: [Item]

    public init(diagnostics list: DiagnosticList, counts: [(key: String, label: String, count: Int)]) {
        schema = CheckReport.schemaName
        var keyed: [String: Int] = [:]
        for (key, _, count) in counts { keyed[key] = count }
        summary = Summary(errors: list.errors.count, warnings: list.warnings.count, text: list.summary, counts: keyed)
        diagnostics = list.sorted.map {
            Item(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity == .error ? "error" : "warning",
                message: $0.message, hint: $0.hint)
        }
    }

    /// Pretty-printed, keys sorted: the same content gives the same bytes.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
