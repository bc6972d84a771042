/// Atom, sitemap and robots.txt, written without templates: their format is fixed.
public enum Feeds {
    /// A generated file that is not an HTML page.
    public struct File: Sendable {
        public let file: String
        public let text: String
    }

    /// One entry of an Atom feed.
    struct AtomEntry {
        let title: String
        let url: String
        let updated: LocalDate
        let authors: [String]
        /// The item's group (a grouped collection), else its first term.
        let category: (term: String, label: String)?
        let summary: String
        let html: String
    }

    static func atom(_ site: Site, path: String, title: String, subtitle: String, entries: [AtomEntry]) -> String {
        let base = site.config.baseURL
        let feedURL = base + path + "atom.xml"
        let updated = entries.map(\.updated).max().map(stamp) ?? stamp(site.today)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(site.config.language))">
            <title>\(Escape.xml(site.config.title)) — \(Escape.xml(title))</title>
            <subtitle>\(Escape.xml(subtitle))</subtitle>
            <link rel="self" type="application/atom+xml" href="\(Escape.xml(feedURL))"/>
            <link rel="alternate" type="text/html" href="\(Escape.xml(base + path))"/>
            <id>\(Escape.xml(feedURL))</id>
            <updated>\(updated)</updated>
            <author><name>\(Escape.xml(site.config.title))</name></author>

            """
        for entry in entries {
            let url = base + entry.url
            xml += """
                <entry xml:base="\(Escape.xml(url))">
                <title>\(Escape.xml(entry.title))</title>
                <link rel="alternate" type="text/html" href="\(Escape.xml(url))"/>
                <id>\(Escape.xml(url))</id>
                <updated>\(stamp(entry.updated))</updated>
                \(entry.authors.map { "<author><name>\(Escape.xml($0))</name></author>" }.joined())
                \(entry.category.map { "<category term=\"\(Escape.xml($0.term))\" label=\"\(Escape.xml($0.label))\"/>" } ?? "")
                <summary>\(Escape.xml(entry.summary))</summary>
                <content type="html">\(Escape.xml(entry.html))</content>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// The Atom feeds of the declared collections with `feed:` (`<prefix>atom.xml`): their
    /// first 50 items in listing order, dated by `Item.date` (else today), with their authors
    /// (`feed: {authors}`) and category (their group, else their first term); with `per_value`,
    /// one more per value of those fields, beside its listing (`<prefix><field>/<value>/atom.xml`).
    /// `only`: the feeds of that collection alone.
    public static func collections(_ site: Site, only: String? = nil, limit: Int = 50, log: ReadLog? = nil) -> [File] {
        site.collections.filter { only == nil || $0.schema.id == only }.flatMap { collection -> [File] in
            let schema = collection.schema
            guard let title = schema.publishing.feedTitle else { return [] }
            log?.value(.order(schema.id))
            // The first term field gives each entry its category.
            let term = schema.fields.lazy.compactMap { field -> (key: String, vocabulary: String)? in
                switch field.type {
                case .term(let vocabulary), .terms(let vocabulary): return (field.key, vocabulary)
                default: return nil
                }
            }.first
            // A newsletter's issues carry the sections Castor added to them (`DigestFeed.swift`).
            let issues = Digest.issuesByPath(site, collection: schema, log: log)
            var groups: String?
            if case .grouped(let vocabulary) = schema.layout { groups = vocabulary }
            let authors = schema.publishing.feedAuthors
            func entries(_ items: some Sequence<Item>) -> [AtomEntry] {
                items.prefix(limit).map { item in
                    log?.item(item.entry.relativePath)
                    var category: (String, String)?
                    if let groups, let group = item.entry.group {
                        category = (group, site.config.label(groups, group))
                    } else if let term, let slug = item.terms(term.key).first {
                        category = (slug, site.config.label(term.vocabulary, slug))
                    }
                    return AtomEntry(
                        title: item.title, url: item.entry.url, updated: item.date ?? site.today,
                        authors: authors.flatMap { item.entry[$0]?.list } ?? [],
                        category: category, summary: item.summary,
                        html: issues[item.entry.relativePath].map { Digest.feedHTML($0, site: site) }
                            ?? site.bodies[item.entry.relativePath]?.html ?? "")
                }
            }
            let path = schema.publishedPrefix
            let name = schema.label.lowercased()
            var files = [File(file: path + "atom.xml", text: atom(site, path: path, title: name, subtitle: title, entries: entries(collection.items)))]
            for field in schema.publishing.feedPerValue {
                guard let vocabulary = schema.publishing.listings.first(where: { $0.field == field })?.vocabulary else { continue }
                // Which items go in which feed depends on every item's value.
                if let log { for item in collection.items.dropFirst(limit) { log.item(item.entry.relativePath) } }
                let folder = SitePlan.termsURL(schema, field: field)
                for (slug, label) in site.config.vocabulary(vocabulary) {
                    let items = collection.items.lazy.filter { $0.terms(field).contains(slug) }
                    files.append(File(
                        file: folder + slug + "/atom.xml",
                        text: atom(site, path: folder + slug + "/", title: "\(name) « \(label) »", subtitle: title, entries: entries(items))))
                }
            }
            return files
        }
    }

    /// Midnight UTC of the day: items carry a date, not a time.
    static func stamp(_ date: LocalDate) -> String { date.iso + "T00:00:00Z" }

    public static func sitemap(baseURL: String, pages: [(url: String, lastModified: LocalDate?)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            xml += "<url><loc>\(Escape.xml(baseURL + page.url))</loc>"
            if let lastModified = page.lastModified { xml += "<lastmod>\(lastModified.iso)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    public static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
