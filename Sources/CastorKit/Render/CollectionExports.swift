import Foundation

/// `export: [csv, json]` of a declared collection: every published item, in the listing's
/// order, as `<prefix><id>.csv` and `<prefix><id>.json`. Columns are the declared fields in
/// their order (without `draft` and attachments), then the item's page address, absolute from
/// `base_url`. Values are as the pages show them: labels of list values and choices, the titles
/// of the items a reference field names (a name that stands for no published item, as written),
/// dates in ISO form, numbers with a decimal point; contacts stay masked, as on every page (a
/// plain web address is given, as the pages give it).
///
/// The CSV follows RFC 4180 (commas, CRLF line ends, a header row, fields quoted when needed) and
/// starts with a UTF-8 byte order mark: without it, Excel — what most associations open a CSV
/// with — reads the file as Windows-1252 and garbles every accent; LibreOffice, Python
/// (`utf-8-sig`) and R read the mark as what it is.
public enum CollectionExports {
    /// `<prefix><id>.<format>`, root-relative.
    public static func file(_ schema: CollectionSchema, format: ExportFormat) -> String {
        schema.publishedPrefix + schema.id + "." + format.rawValue
    }

    /// The export files of every declared collection that asks for them.
    /// `log` records what they read (every item, whole, and the collection's order).
    /// `references`: the site's reference index when the caller has it (made here otherwise,
    /// only when an exported collection has a reference field).
    /// `only`: the exports of that collection alone.
    public static func files(_ site: Site, only: String? = nil, references known: ReferenceIndex? = nil, log: ReadLog? = nil) -> [Feeds.File] {
        let exported = site.collections.filter { !$0.schema.publishing.exports.isEmpty && (only == nil || $0.schema.id == only) }
        let references = exported.contains { !$0.schema.referenceFields.isEmpty } ? known ?? ReferenceIndex(site: site) : nil
        return exported.flatMap { collection -> [Feeds.File] in
            if let log {
                log.value(.order(collection.schema.id))
                for item in collection.items { log.item(item.entry.relativePath) }
            }
            // Which item a name of a reference field stands for, and its title (only reference
            // fields call it: `cell`).
            let resolve: Resolve? = references.map { references in
                { item, name, rule in
                    log?.value(.references(item.entry.relativePath))
                    let target = references.resolve(name, rule: rule)
                    if let target { log?.card(target.relativePath) }
                    return target
                }
            }
            return collection.schema.publishing.exports.map { format in
                let text: String
                switch format {
                case .csv: text = csv(collection, site: site, resolve: resolve)
                case .json: text = json(collection, site: site, resolve: resolve)
                }
                return Feeds.File(file: file(collection.schema, format: format), text: text)
            }
        }
    }

    /// An exported cell: one text, several texts, a number, a yes/no, or nothing.
    enum Cell: Equatable {
        case text(String)
        case texts([String])
        case number(Double)
        case flag(Bool)
        case none
    }

    /// The exported fields: declared ones but `draft` and attachments.
    static func columns(_ schema: CollectionSchema) -> [FieldSpec] {
        schema.fields.filter { $0.key != "draft" && $0.type != .attachments }
    }

    /// The label of the address column.
    static let urlLabel = "Adresse de la page"

    /// The published item a name of a reference field stands for (for its title).
    typealias Resolve = (Item, String, ReferenceRule) -> Entry?

    static func cell(_ item: Item, spec: FieldSpec, config: SiteConfig, resolve: Resolve? = nil) -> Cell {
        guard let value = item.entry[spec.key] else { return .none }
        if let rule = spec.type.reference, let resolve {
            let titles = ReferenceIndex.names(value).map { resolve(item, $0, rule)?.title ?? $0 }
            if case .reference = spec.type { return titles.first.map(Cell.text) ?? .none }
            return .texts(titles)
        }
        switch (spec.type, value) {
        case (.term(let vocabulary), _), (.terms(let vocabulary), _):
            let labels = item.terms(spec.key).map { config.label(vocabulary, $0) }
            if case .term = spec.type { return labels.first.map(Cell.text) ?? .none }
            return .texts(labels)
        case (.choice(let choices), .text(let chosen)):
            return .text(choices.first { $0.value == chosen }?.label ?? chosen)
        case (.contact, .text(let contact)):
            let isPlainWeb = ContactKind(contact) == .web && !ContactScanner.containsContact(URLPaths.percentDecoded(contact))
            return .text(isPlainWeb ? contact : ContactMask.placeholder)
        case (_, .text(let text)): return .text(text)
        case (_, .date(let date)): return .text(date.iso)
        case (_, .dateTime(let time)): return .text(time.iso)
        case (_, .number(let number)): return .number(number)
        case (_, .bool(let flag)): return .flag(flag)
        case (_, .list(let texts)): return .texts(texts)
        case (_, .attachments): return .none
        }
    }

    /// `12`, `4.5`: whole numbers without a decimal part.
    static func plainNumber(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
    }

    // MARK: - CSV

    static func csv(_ collection: PublishedCollection, site: Site, resolve: Resolve? = nil) -> String {
        let columns = columns(collection.schema)
        var lines = [(columns.map(\.label) + [urlLabel]).map(csvField).joined(separator: ",")]
        for item in collection.items {
            let cells = columns.map { spec -> String in
                switch cell(item, spec: spec, config: site.config, resolve: resolve) {
                case .text(let text): return text
                case .texts(let texts): return texts.joined(separator: " ; ")
                case .number(let number): return plainNumber(number)
                case .flag(let flag): return flag ? "oui" : "non"
                case .none: return ""
                }
            }
            lines.append((cells + [site.config.baseURL + item.entry.url]).map(csvField).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180: a field holding a comma, a double quote or a line break is quoted, its quotes doubled.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: - JSON

    struct Document: Encodable {
        struct Field: Encodable {
            let key: String
            let label: String
            let type: String
        }

        let collection: String
        let title: String
        let url: String
        let fields: [Field]
        let items: [Record]
    }

    /// One item: its fields by key (null when empty), and `url`.
    struct Record: Encodable {
        let values: [(String, Cell)]

        struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (key, cell) in values {
                let codingKey = Key(stringValue: key)
                switch cell {
                case .text(let text): try container.encode(text, forKey: codingKey)
                case .texts(let texts): try container.encode(texts, forKey: codingKey)
                case .number(let number):
                    if number == number.rounded(), abs(number) < 1e15 {
                        try container.encode(Int(number), forKey: codingKey)
                    } else {
                        try container.encode(number, forKey: codingKey)
                    }
                case .flag(let flag): try container.encode(flag, forKey: codingKey)
                case .none: try container.encodeNil(forKey: codingKey)
                }
            }
        }
    }

    static func json(_ collection: PublishedCollection, site: Site, resolve: Resolve? = nil) -> String {
        let schema = collection.schema
        let columns = columns(schema)
        let base = site.config.baseURL
        // The page's address is `url`, unless a declared field already has that name.
        let urlKey = columns.contains { $0.key == "url" } ? "page_url" : "url"
        let document = Document(
            collection: schema.id, title: schema.label, url: base + schema.publishedPrefix,
            fields: columns.map { .init(key: $0.key, label: $0.label, type: FieldDeclarations.typeName($0.type)) }
                + [.init(key: urlKey, label: urlLabel, type: "url")],
            items: collection.items.map { item in
                Record(values: columns.map { ($0.key, cell(item, spec: $0, config: site.config, resolve: resolve)) } + [(urlKey, .text(base + item.entry.url))])
            })
        return AgendaFeeds.encode(document, pretty: true) + "\n"
    }
}
