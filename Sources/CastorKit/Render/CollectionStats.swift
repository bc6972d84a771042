/// `stats: {by: [...], sum: field}` of a declared collection: on its listing, for each `by`
/// field, a table of the number of items per value (and the total of the `sum` field), and a
/// bar chart drawn at build time as inline SVG (no script), whose `<title>` says the same figures.
/// A `reference` / `references` field counts by the items it names: one row per named item,
/// labelled by its title and linked to its page (a name that names no published item is shown
/// as written, without a link).
enum CollectionStats {
    struct Row {
        let label: String
        let url: String?
        let count: Int
        let sum: Double
    }

    /// The template's `stats`: one block per `by` field.
    static func tables(
        _ collection: PublishedCollection, spec: CollectionStatsSpec, site: Site, valueURL: (String, String) -> String?,
        resolve: (String, ReferenceRule) -> Entry? = { _, _ in nil }
    ) -> [[String: Any]] {
        let schema = collection.schema
        let items = collection.items
        let sumSpec = spec.sum.flatMap(schema.field)
        func amount(_ item: Item) -> Double {
            guard let key = spec.sum, case .number(let number)? = item.entry[key] else { return 0 }
            return number
        }
        let many = schema.label.lowercasedFirst
        return spec.by.compactMap { key -> [String: Any]? in
            guard let field = schema.field(key) else { return nil }
            var counts: [String: (count: Int, sum: Double)] = [:]
            var missing = (count: 0, sum: 0.0)
            // A reference field's values: the named items (key: their path), with title and page.
            var named: [String: (label: String, url: String?)] = [:]
            let rule = field.type.reference
            func values(of item: Item) -> Set<String> {
                guard let rule else { return Set(item.terms(key)) }
                return Set(ReferenceIndex.names(item.entry[key]).map { name in
                    guard let target = resolve(name, rule) else {
                        named["\u{0}" + name] = (name, nil)
                        return "\u{0}" + name
                    }
                    named[target.relativePath] = (target.title, target.url)
                    return target.relativePath
                })
            }
            for item in items {
                let values = values(of: item)
                if values.isEmpty { missing = (missing.count + 1, missing.sum + amount(item)) }
                for value in values {
                    let old = counts[value] ?? (0, 0)
                    counts[value] = (old.count + 1, old.sum + amount(item))
                }
            }
            var rows: [Row]
            if rule != nil {
                // The named items by title (then path): they have no declared order.
                rows = named.sorted { (CollectionSchema.fold($0.value.label), $0.key) < (CollectionSchema.fold($1.value.label), $1.key) }
                    .map { value, shown in Row(label: shown.label, url: shown.url, count: counts[value]!.count, sum: counts[value]!.sum) }
            } else {
                rows = CollectionTable.values(of: field, config: site.config).compactMap { value, label -> Row? in
                    guard let found = counts[value] else { return nil }
                    return Row(label: label, url: valueURL(key, value), count: found.count, sum: found.sum)
                }
            }
            if missing.count > 0 { rows.append(Row(label: "Non renseigné", url: nil, count: missing.count, sum: missing.sum)) }
            let fieldLabel = field.label.lowercasedFirst
            let caption = "\(schema.label) par \(fieldLabel)"
            // Each chart with its title, shown above it (the two charts of a field look alike).
            func titled(_ id: String, _ title: String, _ rows: [(label: String, value: Double)]) -> [String: Any] {
                ["title": title, "svg": chart(id: id, title: title, rows: rows)]
            }
            var charts = [titled("stats-\(key)-nombre", "Nombre de \(many) par \(fieldLabel)", rows.map { ($0.label, Double($0.count)) })]
            if let sumSpec {
                charts.append(titled("stats-\(key)-\(sumSpec.key)", "\(sumSpec.label) par \(fieldLabel) (total)", rows.map { ($0.label, $0.sum) }))
            }
            var block: [String: Any] = [
                "key": key, "caption": caption, "fieldLabel": field.label, "countLabel": schema.label,
                "hasSum": sumSpec != nil, "sumLabel": sumSpec?.label ?? "",
                "rows": rows.map { row -> [String: Any] in
                    ["label": row.label, "hasLink": row.url != nil, "url": row.url ?? "", "count": row.count, "sum": French.number(row.sum)]
                },
                "total": items.count, "totalSum": French.number(items.map(amount).reduce(0, +)),
                "charts": charts,
            ]
            switch field.type {
            case .terms, .references:
                block["note"] = "Un contenu peut avoir plusieurs valeurs : il compte alors dans plusieurs lignes, une seule fois dans l’ensemble."
            default: break
            }
            return block
        }
    }

    /// A horizontal bar chart: each row's label above its bar, the figure after the bar. Bars are
    /// in percent of the width, so the chart fits any screen without shrinking its text; a
    /// label longer than `lineLength` characters (the title of a named item) goes over several
    /// lines, so a 320 px screen shows it whole.
    static func chart(id: String, title: String, rows: [(label: String, value: Double)]) -> String {
        let lineHeight = 18, barHeight = 22
        let biggest = rows.map(\.value).max() ?? 0
        let description = rows.map { "\($0.label) : \(French.number($0.value))" }.joined(separator: " ; ")
        let labels = rows.map { wrapped($0.label) }
        let height = labels.reduce(0) { $0 + $1.count * lineHeight + barHeight }
        var svg = "<svg class=\"diagramme\" width=\"100%\" height=\"\(height + 4)\" role=\"img\" aria-labelledby=\"\(id)\">"
        svg += "<title id=\"\(id)\">\(Escape.xml(title)) — \(Escape.xml(description))</title>"
        var top = 0
        for (row, lines) in zip(rows, labels) {
            let share = biggest > 0 ? max(row.value / biggest * 80, row.value > 0 ? 0.5 : 0) : 0
            let width = "\((share * 10).rounded() / 10)%"
            for line in lines {
                svg += "<text x=\"0\" y=\"\(top + 15)\">\(Escape.xml(line))</text>"
                top += lineHeight
            }
            svg += "<rect class=\"barre\" x=\"0\" y=\"\(top + 3)\" width=\"\(width)\" height=\"14\"></rect>"
            svg += "<text x=\"\(width)\" dx=\"6\" y=\"\(top + 15)\">\(Escape.xml(French.number(row.value)))</text>"
            top += barHeight
        }
        return svg + "</svg>"
    }

    /// The characters of a label's line: what a 320 px screen shows of the chart's text.
    static let lineLength = 34

    /// A label cut into lines of at most `lineLength` characters, between words.
    static func wrapped(_ label: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in label.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > lineLength {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
