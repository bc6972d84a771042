/// The rendered body of a newsletter issue (cmark-gfm's HTML, contacts masked, links resolved
/// for its web page) made fit for an e-mail: every element styled inline (mail programs drop
/// stylesheets), every address absolute, footnote anchors turned into plain numbers; and the
/// same body as plain text for the text part, every link written out.
///
/// The input is Castor's own output (`Pipeline.renderBody`: raw HTML is filtered by cmark, every
/// attribute is double-quoted and escaped), a closed set of elements read tag by tag.
enum MailMarkup {
    /// A tag of the body: its name, whether it closes, its attributes (values unescaped).
    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [(name: String, value: String)]

        func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
        func has(_ name: String) -> Bool { attributes.contains { $0.name == name } }
    }

    /// A piece of the body: text (still escaped) or a tag.
    enum Token {
        case text(Substring)
        case tag(Tag)
    }

    static func tokens(_ html: String) -> [Token] {
        var result: [Token] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            if open > rest.startIndex { result.append(.text(rest[..<open])) }
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            result.append(.tag(tag(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { result.append(.text(rest)) }
        return result
    }

    /// `a href="x" class="y" /` → its parts.
    static func tag(_ inside: Substring) -> Tag {
        var text = inside
        let closing = text.first == "/"
        if closing { text = text.dropFirst() }
        if text.last == "/" { text = text.dropLast() }
        let name = text.prefix { !$0.isWhitespace }
        text = text.dropFirst(name.count)
        var attributes: [(String, String)] = []
        while true {
            text = text.drop { $0.isWhitespace }
            guard !text.isEmpty else { break }
            let attribute = text.prefix { $0 != "=" && !$0.isWhitespace }
            text = text.dropFirst(attribute.count)
            if text.first == "=", text.dropFirst().first == "\"" {
                text = text.dropFirst(2)
                let value = text.prefix { $0 != "\"" }
                text = text.dropFirst(value.count + 1)
                attributes.append((String(attribute), unescape(value)))
            } else {
                attributes.append((String(attribute), ""))
            }
        }
        return Tag(name: name.lowercased(), closing: closing, attributes: attributes)
    }

    static func unescape(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        return TextReplace.replacingAll(
            String(text), [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", "\u{00A0}"), ("&amp;", "&")])
    }

    static func write(_ tag: Tag) -> String {
        if tag.closing { return "</\(tag.name)>" }
        var text = "<" + tag.name
        for (name, value) in tag.attributes { text += " \(name)=\"\(Escape.xml(value))\"" }
        return text + (voidElements.contains(tag.name) ? " />" : ">")
    }

    static let voidElements: Set<String> = ["img", "br", "hr", "input"]

    /// The inline style and the dark-mode class of each element the body may hold
    /// (`templates/courriel.html.mustache` gives the classes their dark colours).
    static let styles: [String: (style: String, role: String)] = [
        "p": ("margin:0 0 16px 0;font-size:16px;line-height:1.55;color:#1a1a1a;", "c-texte"),
        "h2": ("margin:28px 0 12px 0;font-size:21px;line-height:1.3;color:#0d4746;", "c-titre"),
        "h3": ("margin:22px 0 10px 0;font-size:18px;line-height:1.3;color:#0d4746;", "c-titre"),
        "h4": ("margin:18px 0 8px 0;font-size:16px;line-height:1.3;color:#0d4746;", "c-titre"),
        "h5": ("margin:18px 0 8px 0;font-size:16px;line-height:1.3;color:#0d4746;", "c-titre"),
        "h6": ("margin:18px 0 8px 0;font-size:16px;line-height:1.3;color:#0d4746;", "c-titre"),
        "ul": ("margin:0 0 16px 0;padding:0 0 0 24px;color:#1a1a1a;", "c-texte"),
        "ol": ("margin:0 0 16px 0;padding:0 0 0 24px;color:#1a1a1a;", "c-texte"),
        "li": ("margin:0 0 6px 0;font-size:16px;line-height:1.55;color:#1a1a1a;", "c-texte"),
        "blockquote": ("margin:0 0 16px 0;padding:2px 0 2px 14px;border-left:4px solid #8fbcb6;color:#1a1a1a;", "c-texte"),
        "a": ("color:#0b57a4;text-decoration:underline;", "c-lien"),
        "img": ("max-width:100%;height:auto;border:0;display:block;", ""),
        "table": ("width:100%;max-width:100%;border-collapse:collapse;margin:0 0 16px 0;font-size:15px;", ""),
        "th": ("border:1px solid #b0b0b0;padding:6px;text-align:left;color:#1a1a1a;", "c-texte"),
        "td": ("border:1px solid #b0b0b0;padding:6px;text-align:left;color:#1a1a1a;", "c-texte"),
        "pre": ("margin:0 0 16px 0;padding:8px;white-space:pre-wrap;font-size:14px;background:#f3f3f0;color:#1a1a1a;", "c-code"),
        "code": ("font-family:Consolas,Menlo,monospace;font-size:14px;", ""),
        "hr": ("border:0;border-top:1px solid #b0b0b0;margin:24px 0;", ""),
        "section": ("margin:24px 0 0 0;font-size:14px;", ""),
    ]

    /// The body as e-mail HTML: styles inline, addresses absolute from `pageURL`, footnote
    /// references as plain numbers, their back-links removed, heading ids and print addresses dropped.
    static func html(_ body: String, pageURL: String) -> String {
        var output = ""
        var skippingLink = false
        var unwrapLinks = 0
        for token in tokens(body) {
            switch token {
            case .text(let text):
                if !skippingLink { output += text }
            case .tag(var tag):
                if tag.name == "a" {
                    if tag.closing {
                        if skippingLink {
                            skippingLink = false
                        } else if unwrapLinks > 0 {
                            unwrapLinks -= 1
                        } else {
                            output += "</a>"
                        }
                        continue
                    }
                    if tag.has("data-footnote-backref") || tag.value("class") == "footnote-backref" {
                        skippingLink = true
                        continue
                    }
                    if tag.has("data-footnote-ref") || (tag.value("href") ?? "").hasPrefix("#") {
                        unwrapLinks += 1
                        continue
                    }
                }
                if skippingLink { continue }
                if !tag.closing {
                    tag.attributes.removeAll { ["id", "data-adresse", "loading", "decoding", "data-footnotes", "data-footnote-ref"].contains($0.name) }
                    for key in ["href", "src"] {
                        guard let index = tag.attributes.firstIndex(where: { $0.name == key }) else { continue }
                        tag.attributes[index].value = EditableDocuments.absoluteLink(tag.attributes[index].value, pageURL: pageURL) ?? pageURL
                    }
                    if let (style, role) = styles[tag.name] {
                        if let index = tag.attributes.firstIndex(where: { $0.name == "style" }) {
                            tag.attributes[index].value = style + tag.attributes[index].value
                        } else {
                            tag.attributes.append(("style", style))
                        }
                        if !role.isEmpty {
                            if let index = tag.attributes.firstIndex(where: { $0.name == "class" }) {
                                tag.attributes[index].value += " " + role
                            } else {
                                tag.attributes.append(("class", role))
                            }
                        }
                    }
                    if tag.name == "img", !tag.has("alt") { tag.attributes.append(("alt", "")) }
                }
                output += write(tag)
            }
        }
        return output
    }
}
