/// The plain-text part of a newsletter issue: its body (`MailMarkup.tokens` of the rendered
/// HTML) as text, each link followed by its full address (`texte <https://…>`), and the finished
/// text wrapped for mail programs.
enum MailText {
    /// Lines are wrapped at this many characters (RFC 5322 recommends 78 at most).
    static let width = 72

    /// The body as text: one line per paragraph or list item (`wrap` cuts them later),
    /// headings underlined, quotes after `> `, code indented by four spaces.
    static func body(_ html: String, pageURL: String) -> String {
        var lines: [String] = []
        var current = ""
        var lists: [(ordered: Bool, count: Int)] = []
        var marker = ""
        var quote = 0
        var preformatted = false
        var links: [String?] = []
        var linkStart: [String.Index] = []
        var skipping = false
        var cells: [String] = []

        func prefix() -> String {
            String(repeating: "> ", count: quote) + String(repeating: "  ", count: max(0, lists.count - 1))
        }
        func flush(blank: Bool = false) {
            let text = current.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty {
                lines.append(prefix() + marker + text)
                marker = ""
            }
            current = ""
            if blank, lines.last.map({ !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0 != ">" }) ?? false {
                lines.append(quote > 0 ? String(repeating: "> ", count: quote).trimmingCharacters(in: .whitespaces) : "")
            }
        }

        for token in MailMarkup.tokens(html) {
            switch token {
            case .text(let raw):
                guard !skipping else { continue }
                let text = MailMarkup.unescape(raw)
                if preformatted {
                    current += text
                } else {
                    let collapsed = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
                    if current.hasSuffix(" ") && collapsed.hasPrefix(" ") {
                        current += collapsed.drop { $0 == " " }
                    } else {
                        current += collapsed
                    }
                }
            case .tag(let tag):
                switch (tag.name, tag.closing) {
                case ("p", false), ("div", false), ("section", false), ("table", false): flush()
                case ("p", true): flush(blank: lists.isEmpty)
                case ("h1", false), ("h2", false), ("h3", false), ("h4", false), ("h5", false), ("h6", false): flush(blank: true)
                case ("h1", true), ("h2", true), ("h3", true), ("h4", true), ("h5", true), ("h6", true):
                    let title = current.trimmingCharacters(in: .whitespaces)
                    current = ""
                    if !title.isEmpty {
                        lines.append(prefix() + title)
                        lines.append(prefix() + String(repeating: tag.name <= "h2" ? "=" : "-", count: title.count))
                        lines.append("")
                    }
                case ("ul", false), ("ol", false):
                    flush()
                    lists.append((tag.name == "ol", Int(tag.value("start") ?? "") ?? 1))
                case ("ul", true), ("ol", true):
                    flush()
                    if !lists.isEmpty { lists.removeLast() }
                    if lists.isEmpty { flush(blank: true) }
                case ("li", false):
                    flush()
                    if let last = lists.last {
                        marker = last.ordered ? "\(last.count). " : "- "
                        lists[lists.count - 1].count += 1
                    }
                case ("li", true): flush()
                case ("blockquote", false):
                    flush(blank: true)
                    quote += 1
                case ("blockquote", true):
                    flush()
                    while lines.last.map({ $0.trimmingCharacters(in: .whitespaces).allSatisfy { $0 == ">" } && !$0.isEmpty }) ?? false { lines.removeLast() }
                    quote = max(0, quote - 1)
                    lines.append("")
                case ("pre", false):
                    flush()
                    preformatted = true
                case ("pre", true):
                    for line in current.split(separator: "\n", omittingEmptySubsequences: false) { lines.append(prefix() + "    " + line) }
                    current = ""
                    preformatted = false
                    flush(blank: true)
                case ("br", _): flush()
                case ("hr", _):
                    flush(blank: true)
                    lines.append(prefix() + String(repeating: "-", count: 20))
                    lines.append("")
                case ("td", false), ("th", false): current = ""
                case ("td", true), ("th", true):
                    cells.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                case ("tr", true):
                    current = cells.joined(separator: " | ")
                    cells = []
                    flush()
                case ("table", true): flush(blank: true)
                case ("img", _):
                    let alt = tag.value("alt") ?? ""
                    if !alt.isEmpty { current += "[image : \(alt)]" }
                case ("input", _):
                    current += tag.has("checked") ? "[x] " : "[ ] "
                case ("a", false):
                    if tag.has("data-footnote-backref") || tag.value("class") == "footnote-backref" {
                        skipping = true
                        continue
                    }
                    let href = tag.value("href") ?? ""
                    if tag.has("data-footnote-ref") {
                        current += "["
                        links.append("]")
                    } else if href.isEmpty || href.hasPrefix("#") {
                        links.append(nil)
                    } else {
                        links.append(EditableDocuments.absoluteLink(href, pageURL: pageURL).map { " <\($0)>" })
                    }
                    linkStart.append(current.endIndex)
                case ("a", true):
                    if skipping {
                        skipping = false
                        continue
                    }
                    guard let after = links.popLast() else { continue }
                    let start = linkStart.popLast() ?? current.startIndex
                    let text = start <= current.endIndex ? String(current[start...]) : ""
                    // A link written as its own address is not written twice.
                    if let after, after != " <\(text)>" { current += after }
                default: continue
                }
            }
        }
        flush()
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty ?? false { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Wraps every line longer than `width` at its spaces (never at a no-break space: French
    /// typography keeps « ? » and « 12 € » together), a word longer than the line (an address)
    /// left whole on its own line. A continued line keeps the indentation, the quote marks and
    /// the room of the list marker of its first line. Lines indented by four spaces (code) stay.
    static func wrap(_ text: String, width: Int = MailText.width) -> String {
        var output: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.count > width, !line.hasPrefix("    ") else {
                output.append(String(line))
                continue
            }
            var lead = String(line.prefix { $0 == " " || $0 == ">" })
            let rest = line.dropFirst(lead.count)
            var hanging = lead
            if rest.hasPrefix("- ") || rest.hasPrefix("• ") {
                hanging += "  "
            } else if let dot = rest.prefix(4).firstIndex(of: "."), rest[..<dot].allSatisfy(\.isNumber), rest[rest.index(after: dot)...].hasPrefix(" ") {
                hanging += String(repeating: " ", count: rest.distance(from: rest.startIndex, to: dot) + 2)
            }
            var current = ""
            for word in rest.split(separator: " ", omittingEmptySubsequences: true) {
                let candidate = current.isEmpty ? lead + word : current + " " + word
                if candidate.count <= width || current.isEmpty {
                    current = candidate
                } else {
                    output.append(current)
                    current = hanging + word
                }
                lead = hanging
            }
            output.append(current)
        }
        return output.joined(separator: "\n")
    }
}
