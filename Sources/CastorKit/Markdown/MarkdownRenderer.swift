import CCmarkGFM
import Foundation

/// One heading of a rendered document, for the table of contents.
public struct Heading: Sendable, Hashable {
    public let level: Int
    public let id: String
    public let text: String
}

/// What to do with one link or image address found in Markdown.
public enum LinkResolution: Sendable {
    case keep
    case replace(String)
    case problem(Diagnostic)
    /// A link that works but deserves a word (it leads elsewhere than written, for now).
    case replaceWithWarning(String, Diagnostic)
}

/// The HTML of a Markdown body, with what the page needs around it.
public struct RenderedMarkdown: Sendable {
    public let html: String
    public let headings: [Heading]
    /// Plain text of the body (for search and descriptions).
    public var diagnostics: [Diagnostic]
    /// The item's editable document, when its collection declares `odt` (`EditableDocuments`).
    public var document: EditableDocument? = nil
}

/// Markdown to HTML through cmark-gfm: tables, strikethrough, autolinks, task lists,
/// footnotes and the tag filter; raw HTML is never passed through.
///
/// cmark-gfm keeps global state while parsing (its special-character tables, switched on and
/// off by every parse), so two parses at once can corrupt each other: every parse goes through
/// one lock. The parsed tree is the caller's own, so walking it, resolving its links and
/// rendering it happen outside the lock, on all cores.
public final class MarkdownRenderer: @unchecked Sendable {
    /// Held while cmark-gfm parses (`parsed`), shared with `openDocumentBody` (ODTMarkdown.swift).
    let lock = NSLock()
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    private let options: Int32 = CMARK_OPT_FOOTNOTES
    /// Ids set by the templates (skip link target, table of contents, footnotes heading).
    public static let reservedIDs = ["contenu", "titre-sommaire", "notes", "recherche", "recherche-champ"]

    public init() {
        lock.lock()
        cmark_gfm_core_extensions_ensure_registered()
        lock.unlock()
    }

    /// - Parameters:
    ///   - firstLine: the file line where the Markdown starts, so positions point into the file.
    ///   - resolve: called for every link and image address (outside the renderer's lock: several
    ///     documents are resolved at once).
    public func render(
        _ markdown: String, file: String, firstLine: Int,
        resolve: (String, SourcePosition) -> LinkResolution = { _, _ in .keep }
    ) -> RenderedMarkdown {
        let empty = RenderedMarkdown(html: "", headings: [], diagnostics: [])
        return MarkdownRenderer.parsed(markdown, options: options, lock: lock, failure: empty) { parser, document in
            renderParsed(parser, document, markdown: markdown, file: file, firstLine: firstLine, resolve: resolve)
        }
    }

    /// Parses `markdown` with the GFM extensions, holding `lock` (cmark-gfm's parse is not
    /// re-entrant: the table extension and the inline parser switch global tables on and off),
    /// and hands the parser and its document to `body` once the lock is released, then frees
    /// both. `body` may read and change the tree and render it: only the parse shares state.
    static func parsed<T>(
        _ markdown: String, options: Int32, lock: NSLock, failure: T,
        _ body: (_ parser: OpaquePointer, _ document: OpaquePointer) -> T
    ) -> T {
        lock.lock()
        guard let parser = cmark_parser_new(options) else {
            lock.unlock()
            return failure
        }
        defer { cmark_parser_free(parser) }
        for name in MarkdownRenderer.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let finished = cmark_parser_finish(parser)
        lock.unlock()
        guard let document = finished else { return failure }
        defer { cmark_node_free(document) }
        return body(parser, document)
    }

    /// The HTML, headings and problems of a parsed document (from `render`, outside the lock).
    private func renderParsed(
        _ parser: OpaquePointer, _ document: OpaquePointer, markdown: String, file: String, firstLine: Int,
        resolve: (String, SourcePosition) -> LinkResolution
    ) -> RenderedMarkdown {

        var diagnostics: [Diagnostic] = []
        var headingNodes: [(node: OpaquePointer, level: Int)] = []
        // cmark counts columns in bytes; made only when a link is found.
        var lines: SourceLines?
        var hasLevelOne = false
        // What `postProcess` mends is written only for tables, footnotes and task lists: nodes
        // of an extension or footnotes (raw HTML is filtered and text has its quotes escaped).
        var mended = false
        MarkdownRenderer.forEachNode(in: document) { node in
            let type = cmark_node_get_type(node)
            if !mended, type == CMARK_NODE_FOOTNOTE_DEFINITION || cmark_node_get_syntax_extension(node) != nil { mended = true }
            if type == CMARK_NODE_HEADING {
                let level = Int(cmark_node_get_heading_level(node))
                if level == 1 { hasLevelOne = true }
                headingNodes.append((node, level))
            } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let line = Int(cmark_node_get_start_line(node))
                if lines == nil { lines = SourceLines(markdown) }
                let position = SourcePosition(
                    line: line + firstLine - 1,
                    column: lines!.column(line: line, utf8Column: Int(cmark_node_get_start_column(node))))
                if type == CMARK_NODE_IMAGE && MarkdownRenderer.plainText(node).isEmpty {
                    diagnostics.append(
                        .warning(file, position, "image sans texte alternatif : « \(url) »",
                            hint: "décrivez l'image entre les crochets, par exemple ![Plan du rez-de-chaussée](plan.png) ; pour une image purement décorative, mieux vaut la retirer"))
                }
                switch resolve(url, position) {
                case .keep: break
                case .replace(let newURL): cmark_node_set_url(node, newURL)
                case .problem(let diagnostic): diagnostics.append(diagnostic)
                case .replaceWithWarning(let newURL, let diagnostic):
                    cmark_node_set_url(node, newURL)
                    diagnostics.append(diagnostic)
                }
            }
        }

        // The page title is the only h1: body headings move one level down when needed.
        var headings: [Heading] = []
        // Ids the templates use themselves are never given to a heading.
        var used: [String: Int] = Dictionary(uniqueKeysWithValues: MarkdownRenderer.reservedIDs.map { ($0, 1) })
        for (node, level) in headingNodes {
            let finalLevel = hasLevelOne ? min(6, level + 1) : level
            if finalLevel != level { cmark_node_set_heading_level(node, Int32(finalLevel)) }
            // The table of contents and the heading's id are made from this text: its contacts
            // are masked here (the heading itself is masked with the body, `ContactMask.maskHTML`).
            let title = ContactMask.masked(MarkdownRenderer.plainText(node))
            var id = Slug.make(title)
            if id.isEmpty { id = "section" }
            if let count = used[id] {
                used[id] = count + 1
                id += "-\(count + 1)"
            } else {
                used[id] = 1
            }
            headings.append(Heading(level: finalLevel, id: id, text: title))
        }

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", headings: headings, diagnostics: diagnostics)
        }
        var html = String(cString: rendered)
        free(rendered)
        if !headings.isEmpty { html = MarkdownRenderer.addHeadingIDs(html, headings) }
        if mended { html = MarkdownRenderer.postProcess(html) }
        return RenderedMarkdown(html: html, headings: headings, diagnostics: diagnostics)
    }

    /// The text of a node's inline children.
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        forEachNode(in: node) { child in
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return trimmed(text)
    }

    /// `text` without the blanks (`CharacterSet.whitespaces`) at its ends; as it is, without
    /// Foundation's bridging, when it starts and ends with an ASCII scalar that is no blank.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        func kept(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && scalar != " " && scalar != "\t" }
        return kept(first) && kept(last) ? text : text.trimmingCharacters(in: .whitespaces)
    }

    /// Calls `body` with `root` and every node below it, parents first (each once, on entering).
    static func forEachNode(in root: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            body(node)
        }
    }

    /// cmark-gfm's output, made valid HTML5 and French: table alignment as CSS instead of the
    /// obsolete `align`, French labels on footnote back-links and task boxes, a heading for
    /// the footnotes section.
    static func postProcess(_ html: String) -> String {
        TextReplace.replacingAll(html, postProcessReplacements)
    }

    static let postProcessReplacements: [(String, String)] = [
        (" align=\"left\"", " style=\"text-align: left\""),
        (" align=\"center\"", " style=\"text-align: center\""),
        (" align=\"right\"", " style=\"text-align: right\""),
        ("aria-label=\"Back to content\"", "aria-label=\"Retour au texte\""),
        ("<section class=\"footnotes\" data-footnotes>", "<section class=\"footnotes\" data-footnotes>\n<h2 class=\"notes-titre\">Notes</h2>"),
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />", "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"fait\" />"),
        ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled=\"\" aria-label=\"à faire\" />"),
    ]

    /// cmark writes headings as bare `<h2>`; raw HTML is filtered out, so every such tag is a
    /// heading of the document, in order.
    static func addHeadingIDs(_ html: String, _ headings: [Heading]) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + headings.count * 24)
            var position = 0
            for heading in headings {
                var tag = "<h\(heading.level)>"
                guard let found = tag.withUTF8({ TextReplace.firstMatch(bytes, $0, from: position) }) else { break }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<found]))
                output.append(contentsOf: "<h\(heading.level) id=\"\(Escape.xml(heading.id))\">".utf8)
                position = found + tag.utf8.count
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<bytes.count]))
            return String(decoding: output, as: UTF8.self)
        }
    }
}
