/// The e-mail of each newsletter issue (`digest:` in collections.yml), written beside its page:
/// `courriel.html`, ready to paste into a mail program or a mailing service (layout tables,
/// styles inline, absolute addresses), and `courriel.txt`, its plain-text part. Both come from
/// the templates `courriel.html` and `courriel.txt` (`templates/courriel.html.mustache`…), so
/// the team can change them without code; the context is documented in docs/gabarits.md.
public enum DigestMail {
    /// The file names, in the issue's page folder, and the templates that make them.
    public static let htmlFile = "courriel.html"
    public static let textFile = "courriel.txt"
    public static let htmlTemplate = "courriel.html"
    public static let textTemplate = "courriel.txt"
    public static var templates: [String] { [htmlTemplate, textTemplate] }

    /// The e-mails of every issue. `templates` nil (they could not be read): none, the problem
    /// is reported already. `log` records what they read (`Digest.issues`).
    public static func files(_ site: Site, templates: TemplateSet?, log: ReadLog? = nil) -> [Feeds.File] {
        guard let templates else { return [] }
        let all = Digest.issues(site, log: log)
        guard !all.isEmpty else { return [] }
        for template in DigestMail.templates { log?.template(template) }
        let jobs = all.flatMap { schema, issues in issues.map { (schema, $0) } }
        return jobs.parallelMap { schema, issue -> [Feeds.File] in
            let html = templates.render(context(issue, schema: schema, site: site, text: false), template: htmlTemplate)
            let text = templates.render(context(issue, schema: schema, site: site, text: true), template: textTemplate)
            return [
                Feeds.File(file: issue.entry.url + htmlFile, text: FrenchTypography.apply(html)),
                Feeds.File(file: issue.entry.url + textFile, text: MailText.wrap(FrenchTypography.apply(text)) + "\n"),
            ]
        }.flatMap { $0 }
    }

    /// What both templates read; `text` gives the plain-text body as `editorial` (the HTML
    /// template gets it styled inline).
    static func context(
        _ issue: Digest.Issue, schema: CollectionSchema, site: Site, text: Bool
    ) -> [String: Any] {
        let base = site.config.baseURL
        let entry = issue.entry
        let pageURL = base + entry.url
        let body = site.bodies[entry.relativePath]?.html ?? ""
        var issueContext: [String: Any] = [
            "title": entry.title, "url": pageURL, "htmlUrl": pageURL + htmlFile, "textUrl": pageURL + textFile,
            "dateISO": issue.date.iso, "dateLabel": oneLine(French.date(issue.date)),
            "collectionLabel": schema.label, "collectionUrl": base + schema.publishedPrefix,
        ]
        if !entry.summary.isEmpty { issueContext["summary"] = entry.summary }
        if let field = schema.publishing.digest?.numberField, case .number(let number)? = entry[field] {
            issueContext["number"] = French.number(number)
        }
        if schema.publishing.feedTitle != nil { issueContext["feedUrl"] = base + schema.publishedPrefix + "atom.xml" }
        if let previous = issue.previous { issueContext["previous"] = ["title": previous.title, "url": base + previous.url] }
        let sections: [[String: Any]] = issue.parts.filter { !$0.entries.isEmpty }.map { part in
            [
                "id": part.section.id, "title": part.section.title,
                "items": part.entries.map { item($0, section: part.section, base: base) },
            ]
        }
        let editorial = text ? MailText.body(body, pageURL: pageURL) : MailMarkup.html(body, pageURL: pageURL)
        var context: [String: Any] = [
            "site": ["title": site.config.title, "description": site.config.description, "url": base, "language": site.config.language],
            "issue": issueContext, "sections": sections, "hasSections": !sections.isEmpty,
        ]
        if !editorial.isEmpty { context["editorial"] = editorial }
        return context
    }

    /// « 1er décembre 2026 », « 18 h 30 » kept on one line (no-break spaces), in both parts.
    static func oneLine(_ text: String) -> String { text.replacingOccurrences(of: " ", with: "\u{00A0}") }

    /// One item of a section: `title`, `url` (absolute), `summary`, `dateLabel`, `dateISO`, `kindLabel`.
    static func item(_ entry: Entry, section: CollectionDigest.Section, base: String) -> [String: Any] {
        var result: [String: Any] = ["title": entry.title, "url": base + entry.url, "kindLabel": entry.collection.singular]
        if !entry.summary.isEmpty { result["summary"] = entry.summary }
        switch entry[section.field] {
        case .date(let date)?:
            result["dateISO"] = date.iso
            result["dateLabel"] = oneLine(French.date(date))
        case .dateTime(let time)?:
            result["dateISO"] = time.iso
            result["dateLabel"] = oneLine(French.date(time.date)) + " à " + oneLine(French.time(hour: time.hour, minute: time.minute))
        default: break
        }
        return result
    }
}

extension DigestMail {
    /// A collection declared with `digest:` needs both e-mail templates.
    static func missingTemplates(_ templates: TemplateSet, collection: CollectionSchema, at position: SourcePosition, file: String) -> [Diagnostic] {
        guard collection.publishing.digest != nil else { return [] }
        return DigestMail.templates.filter { !templates.names.contains($0) }.map { name in
            .error(file, position, "le gabarit « \(name) » des courriels de la collection « \(collection.id) » n'existe pas",
                hint: "créez templates/\(name).mustache (copiez celui du dépôt de Castor), ou retirez « digest » de la déclaration")
        }
    }
}
