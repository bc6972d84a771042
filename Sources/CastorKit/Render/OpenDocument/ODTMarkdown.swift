import CCmarkGFM
import Foundation

/// Markdown to the body of an OpenDocument text (`<office:text>` children), from cmark-gfm's
/// tree: headings, paragraphs, lists (nested, numbered, task lists), tables, quotes, code,
/// emphasis, strong, strikethrough, links, footnotes. Blanks to fill (`[nom du groupe]`,
/// `____`) are highlighted as they are written (`ODTMarkdown.placeholders`): on screen, in
/// print and in a PDF alike (LibreOffice prints nothing of an ODF `text:placeholder` field,
/// which would leave a printed form without its blanks).
///
/// The style names used here are those `ODTWriter` declares.
struct ODTMarkdown {
    /// Turns a link address as written (resolved by the caller) into the one the document keeps,
    /// or nil to keep only the link's text.
    let link: (String) -> String?
    /// Masks contacts in a text (`ContactMask`).
    let mask: (String) -> String

    private(set) var xml = ""
    /// Footnote definitions, in the order of their numbers (cmark-gfm moves them to the end of
    /// the document in the order they are first cited, and gives each citation that number as
    /// its literal).
    private var footnotes: [OpaquePointer] = []
    private var citedFootnotes: Set<Int> = []
    private var tableCount = 0
    /// Markdown heading levels move so that the body's highest is 1 (the title is above it).
    private var headingShift = 0

    init(link: @escaping (String) -> String?, mask: @escaping (String) -> String) {
        self.link = link
        self.mask = mask
    }

    static func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Converts a parsed document (the caller's own tree).
    mutating func convert(document: OpaquePointer) {
        var lowest = 6
        MarkdownRenderer.forEachNode(in: document) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: lowest = min(lowest, Int(cmark_node_get_heading_level(node)))
            case CMARK_NODE_FOOTNOTE_DEFINITION: footnotes.append(node)
            default: break
            }
        }
        headingShift = lowest - 1
        for child in ODTMarkdown.children(document) { block(child, inList: false) }
    }

    // MARK: - Blocks

    private mutating func block(_ node: OpaquePointer, inList: Bool, style: String = "Text_20_body") {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            xml += "<text:p text:style-name=\"\(style)\">"
            inlines(node)
            xml += "</text:p>"
        case CMARK_NODE_HEADING:
            let level = max(1, Int(cmark_node_get_heading_level(node)) - headingShift)
            if inList {
                xml += "<text:p text:style-name=\"\(style)\">"
                inlines(node)
                xml += "</text:p>"
            } else {
                xml += "<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">"
                inlines(node)
                xml += "</text:h>"
            }
        case CMARK_NODE_LIST:
            list(node)
        case CMARK_NODE_BLOCK_QUOTE:
            for child in ODTMarkdown.children(node) { block(child, inList: inList, style: "Quotations") }
        case CMARK_NODE_CODE_BLOCK:
            var lines = ODTMarkdown.literal(node).components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            for line in lines {
                xml += "<text:p text:style-name=\"Preformatted_20_Text\">" + ODTMarkdown.spaced(mask(line)) + "</text:p>"
            }
        case CMARK_NODE_THEMATIC_BREAK:
            xml += "<text:p text:style-name=\"Horizontal_20_Line\"/>"
        case CMARK_NODE_FOOTNOTE_DEFINITION, CMARK_NODE_HTML_BLOCK:
            // Footnotes go where they are cited; raw HTML is never published.
            break
        default:
            if ODTMarkdown.typeName(node) == "table" {
                if inList {
                    // A list item holds paragraphs and lists only: the rows, as lines.
                    for row in ODTMarkdown.children(node) {
                        xml += "<text:p text:style-name=\"\(style)\">"
                        for (index, cell) in ODTMarkdown.children(row).enumerated() {
                            if index > 0 { xml += " | " }
                            inlines(cell)
                        }
                        xml += "</text:p>"
                    }
                } else {
                    table(node)
                }
            } else {
                for child in ODTMarkdown.children(node) { block(child, inList: inList, style: style) }
            }
        }
    }

    private mutating func list(_ node: OpaquePointer) {
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        xml += "<text:list text:style-name=\"\(ordered ? "Castor_20_Numbering" : "Castor_20_Bullets")\">"
        for (index, item) in ODTMarkdown.children(node).enumerated() {
            if index == 0 && ordered && cmark_node_get_list_start(node) != 1 {
                xml += "<text:list-item text:start-value=\"\(cmark_node_get_list_start(node))\">"
            } else {
                xml += "<text:list-item>"
            }
            let isTask = ODTMarkdown.typeName(item) == "tasklist"
            let box = isTask ? (cmark_gfm_extensions_get_tasklist_item_checked(item) ? "☑ " : "☐ ") : ""
            var children = ODTMarkdown.children(item)
            if children.isEmpty {
                xml += "<text:p text:style-name=\"List_20_Contents\">\(box)</text:p>"
            }
            var first = true
            while !children.isEmpty {
                let child = children.removeFirst()
                if first && !box.isEmpty && cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH {
                    xml += "<text:p text:style-name=\"List_20_Contents\">" + box
                    inlines(child)
                    xml += "</text:p>"
                } else {
                    block(child, inList: true, style: "List_20_Contents")
                }
                first = false
            }
            xml += "</text:list-item>"
        }
        xml += "</text:list>"
    }

    private mutating func table(_ node: OpaquePointer) {
        tableCount += 1
        let columns = max(1, Int(cmark_gfm_extensions_get_table_columns(node)))
        xml += "<table:table table:name=\"Tableau\(tableCount)\" table:style-name=\"Castor_Table\">"
        xml += "<table:table-column table:style-name=\"Castor_Column\" table:number-columns-repeated=\"\(columns)\"/>"
        for row in ODTMarkdown.children(node) {
            let header = cmark_gfm_extensions_get_table_row_is_header(row) != 0
            if header { xml += "<table:table-header-rows>" }
            xml += "<table:table-row>"
            var count = 0
            for cell in ODTMarkdown.children(row) where count < columns {
                count += 1
                xml += "<table:table-cell table:style-name=\"Castor_Cell\" office:value-type=\"string\">"
                xml += "<text:p text:style-name=\"\(header ? "Table_20_Heading" : "Table_20_Contents")\">"
                inlines(cell)
                xml += "</text:p></table:table-cell>"
            }
            while count < columns {
                count += 1
                xml += "<table:table-cell table:style-name=\"Castor_Cell\" office:value-type=\"string\"><text:p text:style-name=\"Table_20_Contents\"/></table:table-cell>"
            }
            xml += "</table:table-row>"
            if header { xml += "</table:table-header-rows>" }
        }
        xml += "</table:table>"
    }

    // MARK: - Inlines

    /// The inline children of `node`; consecutive texts are read as one (cmark splits them at
    /// brackets), so that a blank written `[nom du groupe]` is seen whole.
    private mutating func inlines(_ node: OpaquePointer) {
        var pending = ""
        for child in ODTMarkdown.children(node) {
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT {
                pending += ODTMarkdown.literal(child)
                continue
            }
            if !pending.isEmpty {
                xml += ODTMarkdown.text(mask(pending))
                pending = ""
            }
            switch type {
            case CMARK_NODE_SOFTBREAK: xml += " "
            case CMARK_NODE_LINEBREAK: xml += "<text:line-break/>"
            case CMARK_NODE_CODE:
                xml += "<text:span text:style-name=\"Source_20_Text\">" + ODTMarkdown.spaced(mask(ODTMarkdown.literal(child))) + "</text:span>"
            case CMARK_NODE_EMPH: span(child, style: "Emphasis")
            case CMARK_NODE_STRONG: span(child, style: "Strong_20_Emphasis")
            case CMARK_NODE_LINK:
                let url = cmark_node_get_url(child).map { String(cString: $0) } ?? ""
                if let target = link(url), !target.isEmpty {
                    xml += "<text:a xlink:type=\"simple\" xlink:href=\"\(Escape.xml(target))\" text:style-name=\"Internet_20_link\">"
                    inlines(child)
                    xml += "</text:a>"
                } else {
                    inlines(child)
                }
            case CMARK_NODE_IMAGE:
                // The image itself stays on the site: its description is kept.
                let alt = MarkdownRenderer.plainText(child)
                if !alt.isEmpty { xml += ODTMarkdown.text("[image : " + mask(alt) + "]", blanks: false) }
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                footnote(ODTMarkdown.literal(child))
            case CMARK_NODE_HTML_INLINE:
                break
            default:
                if ODTMarkdown.typeName(child) == "strikethrough" {
                    span(child, style: "Castor_20_Strikethrough")
                } else {
                    inlines(child)
                }
            }
        }
        if !pending.isEmpty { xml += ODTMarkdown.text(mask(pending)) }
    }

    private mutating func span(_ node: OpaquePointer, style: String) {
        xml += "<text:span text:style-name=\"\(style)\">"
        inlines(node)
        xml += "</text:span>"
    }

    private mutating func footnote(_ literal: String) {
        guard let number = Int(literal), number >= 1, number <= footnotes.count else { return }
        let definition = footnotes[number - 1]
        if citedFootnotes.contains(number) {
            // Cited again: the note's number, not a second note.
            xml += "<text:span text:style-name=\"Footnote_20_anchor\">\(number)</text:span>"
            return
        }
        citedFootnotes.insert(number)
        xml += "<text:note text:id=\"ftn\(number)\" text:note-class=\"footnote\"><text:note-citation>\(number)</text:note-citation><text:note-body>"
        for child in ODTMarkdown.children(definition) {
            if cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH {
                xml += "<text:p text:style-name=\"Footnote\">"
                inlines(child)
                xml += "</text:p>"
            } else {
                block(child, inList: true, style: "Footnote")
            }
        }
        xml += "</text:note-body></text:note>"
    }

    // MARK: - Text

    /// Text as ODF: escaped, runs of spaces kept (`text:s`), tabs as `text:tab`, and with
    /// `blanks`, every blank to fill highlighted (style `Castor Placeholder`).
    static func text(_ text: String, blanks: Bool = true) -> String {
        guard blanks else { return spaced(text) }
        var output = ""
        var rest = Substring(text)
        while let blank = placeholders(in: rest).first {
            output += spaced(String(rest[..<blank.lowerBound]))
            let shown = String(rest[blank])
            output += "<text:span text:style-name=\"Castor_20_Placeholder\">" + Escape.xml(shown) + "</text:span>"
            rest = rest[blank.upperBound...]
        }
        return output + spaced(String(rest))
    }

    /// The blanks to fill in a text, in order: a bracketed text that is no link (`[nom du groupe]`,
    /// `[…]`, `[à compléter]`: at most 120 characters, no bracket inside, not a footnote `[^1]`)
    /// and runs of three underscores or more (`______`).
    static func placeholders(in text: Substring) -> [Range<Substring.Index>] {
        // Most texts have neither: no walk over their characters.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "_") }) else { return [] }
        var result: [Range<Substring.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "[" {
                let after = text.index(after: index)
                if let close = text[after...].firstIndex(where: { $0 == "]" || $0 == "[" }), text[close] == "]",
                    after < close, text[after] != "^", text.distance(from: after, to: close) <= 120,
                    !text[after..<close].allSatisfy(\.isWhitespace)
                {
                    let end = text.index(after: close)
                    result.append(index..<end)
                    index = end
                    continue
                }
            } else if character == "_" {
                var end = index
                while end < text.endIndex, text[end] == "_" { end = text.index(after: end) }
                if text.distance(from: index, to: end) >= 3 {
                    result.append(index..<end)
                    index = end
                    continue
                }
                index = end
                continue
            }
            index = text.index(after: index)
        }
        return result
    }

    /// Escaped text whose runs of spaces and tabs stay as written (ODF collapses them otherwise).
    static func spaced(_ text: String) -> String {
        spacedBytes(text) ?? spacedCharacters(text)
    }

    /// `spaced` over the UTF-8 bytes (escaping is per byte, `Escape.xml`), or nil when a space
    /// or tab may not be a character of its own: followed by a scalar outside `standsAlone` (a
    /// combining accent joins it), or in a text with scalars from U+0600 to U+0DFF or above
    /// U+FFFF (where the few "prepended" marks that join the next character live).
    /// `spacedCharacters` then decides as Swift's characters do.
    static func spacedBytes(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            for (index, byte) in bytes.enumerated() where byte >= 0xD8 {
                if byte <= 0xDF || byte >= 0xF0 { return nil }
                if byte == 0xE0, index + 1 < bytes.count, bytes[index + 1] <= 0xB7 { return nil }
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            var spaces = 0
            var atStart = true
            func flushSpaces() {
                guard spaces > 0 else { return }
                if atStart || spaces > 1 {
                    if !atStart { output.append(UInt8(ascii: " ")) }
                    let count = atStart ? spaces : spaces - 1
                    output.append(contentsOf: count == 1 ? Array("<text:s/>".utf8) : Array("<text:s text:c=\"\(count)\"/>".utf8))
                } else {
                    output.append(UInt8(ascii: " "))
                }
                spaces = 0
            }
            for (index, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    if index + 1 < bytes.count && bytes[index + 1] >= 0x80 && !standsAlone(bytes, at: index + 1) { return nil }
                    if byte == UInt8(ascii: " ") {
                        spaces += 1
                    } else {
                        flushSpaces()
                        output.append(contentsOf: "<text:tab/>".utf8)
                        atStart = false
                    }
                    continue
                }
                flushSpaces()
                atStart = false
                Escape.appendXML(byte, to: &output)  // (tabs never get here: written above)
            }
            flushSpaces()
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether the (2- or 3-byte) scalar at `index` never joins the space before it into one
    /// character: letters and signs of the Latin, Greek extended, punctuation and symbol blocks
    /// French text uses, none of them a combining mark, joiner or variation selector.
    static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = bytes[index]
        let value: UInt32
        if lead >= 0xC2 && lead <= 0xDF && index + 1 < bytes.count {
            value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        } else if lead >= 0xE0 && lead <= 0xEF && index + 2 < bytes.count {
            value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        } else {
            return false
        }
        switch value {
        case 0x80...0x2FF, 0x1E00...0x1FFF, 0x2010...0x2027, 0x2030...0x205F, 0x20A0...0x20CF, 0x2100...0x2BFF: return true
        default: return false
        }
    }

    /// `spaced`, character by character.
    static func spacedCharacters(_ text: String) -> String {
        var output = ""
        var spaces = 0
        var atStart = true
        func flushSpaces() {
            guard spaces > 0 else { return }
            if atStart || spaces > 1 {
                // A leading space, or all but the first of a run, as `text:s`.
                if !atStart { output += " " }
                let count = atStart ? spaces : spaces - 1
                output += count == 1 ? "<text:s/>" : "<text:s text:c=\"\(count)\"/>"
            } else {
                output += " "
            }
            spaces = 0
        }
        for character in text {
            switch character {
            case " ": spaces += 1
            case "\t":
                flushSpaces()
                output += "<text:tab/>"
                atStart = false
            default:
                flushSpaces()
                atStart = false
                output += Escape.xml(String(character))
            }
        }
        flushSpaces()
        return output
    }
}

extension MarkdownRenderer {
    /// The body of an OpenDocument text made from `markdown` (`ODTMarkdown`). Links are given to
    /// `resolve` as they are written (as in `render`: only the parse holds the lock), then to `link`.
    func openDocumentBody(
        _ markdown: String, firstLine: Int, resolve: (String, SourcePosition) -> LinkResolution,
        link: @escaping (String) -> String?, mask: @escaping (String) -> String
    ) -> String {
        MarkdownRenderer.parsed(markdown, options: CMARK_OPT_FOOTNOTES, lock: lock, failure: "") { _, document in
            MarkdownRenderer.openDocumentXML(document, firstLine: firstLine, resolve: resolve, link: link, mask: mask)
        }
    }

    /// The OpenDocument body of a parsed document (the caller's own tree, outside the lock).
    private static func openDocumentXML(
        _ document: OpaquePointer, firstLine: Int, resolve: (String, SourcePosition) -> LinkResolution,
        link: @escaping (String) -> String?, mask: @escaping (String) -> String
    ) -> String {
        // Links resolved as on the page (their problems are reported there).
        MarkdownRenderer.forEachNode(in: document) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_LINK else { return }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let position = SourcePosition(line: Int(cmark_node_get_start_line(node)) + firstLine - 1, column: 1)
            switch resolve(url, position) {
            case .replace(let newURL), .replaceWithWarning(let newURL, _): cmark_node_set_url(node, newURL)
            case .keep: break
            case .problem: cmark_node_set_url(node, "")
            }
        }
        var converter = ODTMarkdown(link: link, mask: mask)
        converter.convert(document: document)
        return converter.xml
    }
}
