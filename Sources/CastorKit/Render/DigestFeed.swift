/// A newsletter issue in its collection's Atom feed (`lettres/atom.xml`): the editorial, then
/// the sections Castor added, so that a mailing service's « RSS campaign » sends the whole
/// issue, as the e-mail file has it. Links are absolute (mail programs ignore `xml:base`).
extension Digest {
    /// The issues of a collection declared with `digest:`, by source path (empty for any
    /// other collection).
    static func issuesByPath(_ site: Site, collection schema: CollectionSchema, log: ReadLog?) -> [String: Issue] {
        guard schema.publishing.digest != nil else { return [:] }
        let issues = Digest.issues(site, log: log, only: schema.id, bodies: false).first?.issues ?? []
        return Dictionary(issues.map { ($0.entry.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The issue as HTML: its editorial as the e-mail has it (`MailMarkup`: addresses absolute,
    /// styles inline), then a heading per section and a list of its items (title as a link,
    /// date, summary).
    static func feedHTML(_ issue: Issue, site: Site) -> String {
        let base = site.config.baseURL
        var html = MailMarkup.html(site.bodies[issue.entry.relativePath]?.html ?? "", pageURL: base + issue.entry.url)
        for part in issue.parts where !part.entries.isEmpty {
            html += "<h2>\(Escape.xml(part.section.title))</h2>\n<ul>\n"
            for entry in part.entries {
                let item = DigestMail.item(entry, section: part.section, base: base)
                html += "<li><a href=\"\(Escape.xml(base + entry.url))\">\(Escape.xml(entry.title))</a>"
                if let date = item["dateLabel"] as? String { html += " — " + Escape.xml(date) }
                if !entry.summary.isEmpty { html += "<br>" + Escape.xml(entry.summary) }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        return html
    }
}
