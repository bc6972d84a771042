/// Atom, sitemap and robots.txt, written without templates: their format is fixed.
public enum Feeds {
    /// Atom 1.0 (RFC 4287) feed of the most recently updated fiches.
    public static func fichesAtom(_ site: Site, limit: Int = 50) -> String {
        let base = site.config.baseURL
        let feedURL = base + "fiches/atom.xml"
        let fiches = site.fiches.prefix(limit)
        let updated = fiches.first.map { stamp($0.updated) } ?? stamp(site.today)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(site.config.language))">
            <title>\(Escape.xml(site.config.title)) — fiches</title>
            <subtitle>Fiches nouvelles et mises à jour</subtitle>
            <link rel="self" type="application/atom+xml" href="\(Escape.xml(feedURL))"/>
            <link rel="alternate" type="text/html" href="\(Escape.xml(base + "fiches/"))"/>
            <id>\(Escape.xml(feedURL))</id>
            <updated>\(updated)</updated>
            <author><name>\(Escape.xml(site.config.title))</name></author>

            """
        for fiche in fiches {
            let url = base + fiche.entry.url
            let body = site.bodies[fiche.entry.relativePath]?.html ?? ""
            xml += """
                <entry xml:base="\(Escape.xml(url))">
                <title>\(Escape.xml(fiche.title))</title>
                <link rel="alternate" type="text/html" href="\(Escape.xml(url))"/>
                <id>\(Escape.xml(url))</id>
                <updated>\(stamp(fiche.updated))</updated>
                \(fiche.authors.map { "<author><name>\(Escape.xml($0))</name></author>" }.joined())
                <category term="\(Escape.xml(fiche.type))" label="\(Escape.xml(site.config.label("fiche_types", fiche.type)))"/>
                <summary>\(Escape.xml(fiche.summary))</summary>
                <content type="html">\(Escape.xml(body))</content>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// Midnight UTC of the day: fiches carry a date, not a time.
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
