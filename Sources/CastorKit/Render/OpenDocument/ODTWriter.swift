/// The XML parts of an OpenDocument text (ODF 1.3): `content.xml` (the text, from
/// `ODTMarkdown`), `styles.xml` (the named styles it uses), `meta.xml` and the manifest.
/// Every value is escaped; nothing depends on the clock, so the same input gives the same bytes.
enum ODTWriter {
    static let mimetype = "application/vnd.oasis.opendocument.text"

    /// What goes around the body: the title, a lead paragraph, the document's properties.
    struct Metadata: Sendable {
        var title: String
        var summary: String = ""
        var authors: [String] = []
        /// `2026-05-26`, or nil.
        var date: String?
        var language = "fr"
        /// The address of the item's page, said under the title.
        var source: String?
        /// Site's title, as the generator's note.
        var siteTitle: String = ""
    }

    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
        """

    static func content(body: String, metadata: Metadata) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<office:document-content \(namespaces) office:version=\"1.3\">"
        xml += "<office:font-face-decls>\(fontFaces)</office:font-face-decls>"
        xml += "<office:automatic-styles>"
        xml += "<style:style style:name=\"Castor_Table\" style:family=\"table\"><style:table-properties style:width=\"17cm\" table:align=\"margins\"/></style:style>"
        xml += "<style:style style:name=\"Castor_Column\" style:family=\"table-column\"/>"
        xml += "<style:style style:name=\"Castor_Cell\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #000000\"/></style:style>"
        xml += "</office:automatic-styles>"
        xml += "<office:body><office:text>"
        xml += "<text:p text:style-name=\"Title\">" + ODTMarkdown.spaced(metadata.title) + "</text:p>"
        if !metadata.summary.isEmpty {
            xml += "<text:p text:style-name=\"Subtitle\">" + ODTMarkdown.spaced(metadata.summary) + "</text:p>"
        }
        if let source = metadata.source {
            var note = "Document modifiable"
            if !metadata.siteTitle.isEmpty { note += " tiré de « " + metadata.siteTitle + " »" }
            if let date = metadata.date, let day = LocalDate(iso: date) { note += ", version du " + French.date(day) }
            xml += "<text:p text:style-name=\"Castor_20_Source\">" + ODTMarkdown.spaced(note + " : ")
                + "<text:a xlink:type=\"simple\" xlink:href=\"\(Escape.xml(source))\" text:style-name=\"Internet_20_link\">"
                + ODTMarkdown.spaced(source) + "</text:a></text:p>"
        }
        xml += body
        xml += "</office:text></office:body></office:document-content>\n"
        return xml
    }

    static let fontFaces = """
        <style:font-face style:name="Liberation Serif" svg:font-family="&apos;Liberation Serif&apos;" style:font-family-generic="roman"/>\
        <style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" style:font-family-generic="swiss"/>\
        <style:font-face style:name="Liberation Mono" svg:font-family="&apos;Liberation Mono&apos;" style:font-family-generic="modern" style:font-pitch="fixed"/>
        """

    static func styles(language: String) -> String {
        let lang = Escape.xml(language)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<office:document-styles \(namespaces) office:version=\"1.3\">"
        xml += "<office:font-face-decls>\(fontFaces)</office:font-face-decls>"
        xml += "<office:styles>"
        xml += "<style:default-style style:family=\"paragraph\"><style:paragraph-properties fo:orphans=\"2\" fo:widows=\"2\"/>"
            + "<style:text-properties style:font-name=\"Liberation Serif\" fo:font-size=\"12pt\" fo:language=\"\(lang)\" fo:country=\"FR\"/></style:default-style>"
        xml += "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>"
        xml += paragraph("Text_20_body", display: "Text body", parent: "Standard", properties: "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.25cm\" fo:line-height=\"115%\"/>")
        xml += paragraph("Heading", display: "Heading", parent: "Standard", next: "Text_20_body",
            properties: "<style:paragraph-properties fo:margin-top=\"0.42cm\" fo:margin-bottom=\"0.21cm\" fo:keep-with-next=\"always\"/><style:text-properties style:font-name=\"Liberation Sans\" fo:font-size=\"14pt\"/>")
        xml += paragraph("Title", display: "Title", parent: "Heading", next: "Subtitle",
            properties: "<style:paragraph-properties fo:text-align=\"center\"/><style:text-properties fo:font-size=\"24pt\" fo:font-weight=\"bold\"/>", className: "chapter")
        xml += paragraph("Subtitle", display: "Subtitle", parent: "Heading", next: "Text_20_body",
            properties: "<style:paragraph-properties fo:text-align=\"center\"/><style:text-properties fo:font-size=\"13pt\" fo:font-style=\"italic\"/>", className: "chapter")
        let sizes = ["18pt", "15pt", "13pt", "12pt", "11pt", "11pt"]
        for level in 1...6 {
            xml += "<style:style style:name=\"Heading_20_\(level)\" style:display-name=\"Heading \(level)\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" style:next-style-name=\"Text_20_body\" style:default-outline-level=\"\(level)\" style:class=\"text\">"
                + "<style:text-properties fo:font-size=\"\(sizes[level - 1])\" fo:font-weight=\"bold\"/></style:style>"
        }
        xml += paragraph("List_20_Contents", display: "List Contents", parent: "Text_20_body", properties: "<style:paragraph-properties fo:margin-bottom=\"0.1cm\"/>", className: "list")
        xml += paragraph("Quotations", display: "Quotations", parent: "Standard",
            properties: "<style:paragraph-properties fo:margin-left=\"1cm\" fo:margin-right=\"1cm\" fo:margin-bottom=\"0.25cm\"/><style:text-properties fo:font-style=\"italic\"/>", className: "html")
        xml += paragraph("Preformatted_20_Text", display: "Preformatted Text", parent: "Standard",
            properties: "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\"/><style:text-properties style:font-name=\"Liberation Mono\" fo:font-size=\"10pt\"/>", className: "html")
        xml += paragraph("Table_20_Contents", display: "Table Contents", parent: "Standard", properties: "", className: "extra")
        xml += paragraph("Table_20_Heading", display: "Table Heading", parent: "Table_20_Contents",
            properties: "<style:text-properties fo:font-weight=\"bold\"/>", className: "extra")
        xml += paragraph("Footnote", display: "Footnote", parent: "Standard",
            properties: "<style:paragraph-properties fo:margin-left=\"0.6cm\" fo:text-indent=\"-0.6cm\"/><style:text-properties fo:font-size=\"10pt\"/>", className: "extra")
        xml += paragraph("Horizontal_20_Line", display: "Horizontal Line", parent: "Standard",
            properties: "<style:paragraph-properties fo:margin-bottom=\"0.5cm\" fo:border-bottom=\"0.5pt solid #808080\" fo:padding=\"0cm\"/>", className: "html")
        xml += paragraph("Castor_20_Source", display: "Castor Source", parent: "Standard",
            properties: "<style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"0.5cm\"/><style:text-properties fo:font-size=\"9pt\" fo:color=\"#555555\"/>", className: "extra")
        xml += textStyle("Emphasis", display: "Emphasis", properties: "fo:font-style=\"italic\"")
        xml += textStyle("Strong_20_Emphasis", display: "Strong Emphasis", properties: "fo:font-weight=\"bold\"")
        xml += textStyle("Source_20_Text", display: "Source Text", properties: "style:font-name=\"Liberation Mono\"")
        xml += textStyle("Castor_20_Strikethrough", display: "Castor Strikethrough", properties: "style:text-line-through-style=\"solid\"")
        xml += textStyle("Internet_20_link", display: "Internet link", properties: "fo:color=\"#000080\" style:text-underline-style=\"solid\" style:text-underline-width=\"auto\" style:text-underline-color=\"font-color\"")
        xml += textStyle("Footnote_20_anchor", display: "Footnote anchor", properties: "style:text-position=\"super 58%\"")
        // Blanks to fill: highlighted in yellow, so that none is forgotten.
        xml += textStyle("Castor_20_Placeholder", display: "Castor Placeholder", properties: "fo:background-color=\"#fff2a8\"")
        xml += "<text:notes-configuration text:note-class=\"footnote\" style:num-format=\"1\" text:start-value=\"0\" text:footnotes-position=\"page\" text:start-numbering-at=\"document\"/>"
        xml += listStyle("Castor_20_Bullets", display: "Castor Bullets", ordered: false)
        xml += listStyle("Castor_20_Numbering", display: "Castor Numbering", ordered: true)
        xml += "</office:styles>"
        xml += "<office:automatic-styles><style:page-layout style:name=\"Castor_Page\">"
            + "<style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\" fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\" fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>"
            + "</style:page-layout></office:automatic-styles>"
        xml += "<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"Castor_Page\"/></office:master-styles>"
        xml += "</office:document-styles>\n"
        return xml
    }

    private static func paragraph(
        _ name: String, display: String, parent: String, next: String? = nil, properties: String, className: String = "text"
    ) -> String {
        "<style:style style:name=\"\(name)\" style:display-name=\"\(display)\" style:family=\"paragraph\" style:parent-style-name=\"\(parent)\""
            + (next.map { " style:next-style-name=\"\($0)\"" } ?? "") + " style:class=\"\(className)\">\(properties)</style:style>"
    }

    private static func textStyle(_ name: String, display: String, properties: String) -> String {
        "<style:style style:name=\"\(name)\" style:display-name=\"\(display)\" style:family=\"text\"><style:text-properties \(properties)/></style:style>"
    }

    private static func listStyle(_ name: String, display: String, ordered: Bool) -> String {
        var xml = "<text:list-style style:name=\"\(name)\" style:display-name=\"\(display)\">"
        let bullets = ["•", "◦", "▪"]
        for level in 1...10 {
            let indent = String(format: "%.2fcm", 0.635 * Double(level))
            let properties = "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
                + "<style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"\(indent)\" fo:text-indent=\"-0.635cm\" fo:margin-left=\"\(indent)\"/>"
                + "</style:list-level-properties>"
            if ordered {
                xml += "<text:list-level-style-number text:level=\"\(level)\" style:num-suffix=\".\" style:num-format=\"1\">\(properties)</text:list-level-style-number>"
            } else {
                xml += "<text:list-level-style-bullet text:level=\"\(level)\" text:bullet-char=\"\(bullets[(level - 1) % 3])\">\(properties)</text:list-level-style-bullet>"
            }
        }
        return xml + "</text:list-style>"
    }

    static func meta(_ metadata: Metadata) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<office:document-meta \(namespaces) office:version=\"1.3\"><office:meta>"
        xml += "<meta:generator>Castor</meta:generator>"
        xml += "<dc:title>\(Escape.xml(metadata.title))</dc:title>"
        if !metadata.summary.isEmpty { xml += "<dc:description>\(Escape.xml(metadata.summary))</dc:description>" }
        if !metadata.authors.isEmpty { xml += "<dc:creator>\(Escape.xml(metadata.authors.joined(separator: ", ")))</dc:creator>" }
        if let date = metadata.date {
            xml += "<meta:creation-date>\(Escape.xml(date))T00:00:00</meta:creation-date><dc:date>\(Escape.xml(date))T00:00:00</dc:date>"
        }
        xml += "<dc:language>\(Escape.xml(metadata.language))</dc:language>"
        xml += "</office:meta></office:document-meta>\n"
        return xml
    }

    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
        <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>\
        </manifest:manifest>

        """
}
