/// Which partials of the templates a card can have rendered once and reused (`CardPartials`),
/// read from the templates' text: what each partial reads, and whether its output can depend on
/// anything but the card it is given and the page's `root`.
///
/// A partial qualifies when it (and every partial it calls) has no block, parent, dynamic
/// partial, pragma, transform nor set delimiter, reads `root` only as `{{root}}` (or
/// `{{{root}}}`, `{{&root}}`), and reads `.` only inside a section of a plain name (where it is
/// that section's value, which the card checks is text, a number or a list: `CardPartials`).
/// It is then wrapped only when some template calls it inside a section (where cards are), and
/// never as a parent. Nothing is cached anywhere when a template changes the delimiters or
/// indents a partial, block or parent tag (swift-mustache then indents what it renders).
enum CardPartialAnalysis {
    /// One tag of a template, as swift-mustache reads it.
    struct Tag {
        enum Kind { case variable, unescaped, section, inverted, close, partial, parent, block, comment, pragma, delimiters }
        let kind: Kind
        let name: String
        /// Only spaces or tabs (at least one) before it on its line.
        let indented: Bool
    }

    /// What one partial reads, once its own partials are followed.
    struct Reads {
        /// The first component of every name it reads (`root` included), `.`-prefixed names aside.
        var names: Set<String> = []
        /// The sections whose value `{{.}}` shows.
        var dotSections: Set<String> = []
        var qualifies = true
    }

    /// The tags of a template, or nil when it cannot be read as plainly as that (an unclosed tag).
    static func tags(_ text: String) -> [Tag]? {
        let bytes = Array(text.utf8)
        var tags: [Tag] = []
        var index = 0
        var lineStart = 0
        func find(_ pattern: [UInt8], from start: Int) -> Int? {
            var position = start
            while position + pattern.count <= bytes.count {
                if bytes[position] == pattern[0] && Array(bytes[position..<position + pattern.count]) == pattern { return position }
                position += 1
            }
            return nil
        }
        let open = Array("{{".utf8)
        while let start = find(open, from: index) {
            for position in index..<start where bytes[position] == UInt8(ascii: "\n") { lineStart = position + 1 }
            let indented = start > lineStart && bytes[lineStart..<start].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            let contentStart = start + 2
            guard contentStart < bytes.count else { return nil }
            let triple = bytes[contentStart] == UInt8(ascii: "{")
            let close = Array((triple ? "}}}" : "}}").utf8)
            guard let end = find(close, from: contentStart) else { return nil }
            let content = String(decoding: bytes[(triple ? contentStart + 1 : contentStart)..<end], as: UTF8.self)
            let kind: Tag.Kind
            var name = Substring(content)
            if triple {
                kind = .unescaped
            } else {
                switch content.first {
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case "!": kind = .comment
                case ">": kind = .partial
                case "<": kind = .parent
                case "$": kind = .block
                case "&": kind = .unescaped
                case "=": kind = .delimiters
                case "%": kind = .pragma
                default: kind = .variable
                }
                if kind != .variable { name = name.dropFirst() }
            }
            tags.append(Tag(kind: kind, name: name.trimmingCharacters(in: .whitespacesAndNewlines), indented: indented))
            for position in start..<end where bytes[position] == UInt8(ascii: "\n") { lineStart = position + 1 }
            index = end + close.count
        }
        return tags
    }

    /// Characters of the names this analysis understands (swift-mustache's, without transforms).
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-?".contains($0)) }
    }

    /// What `name`'s template reads, its partials followed (`templates`: name → text).
    static func reads(_ name: String, templates: [String: String], visiting: Set<String> = []) -> Reads {
        var reads = Reads()
        guard !visiting.contains(name), let text = templates[name], !name.hasSuffix(".txt"), let tags = tags(text) else {
            reads.qualifies = false
            return reads
        }
        var sections: [(name: String, inverted: Bool)] = []
        /// Whether reading `name` keeps the partial's output a matter of the card alone.
        func understood(_ name: String, asSection: Bool) -> Bool {
            guard isPlainName(name) else { return false }
            if name == "." {
                // Elsewhere than in a plain section, `.` is the card itself (at the top, in an
                // inverted section, in a flag's section), and its text would be any dictionary's.
                guard !asSection, let section = sections.last, !section.inverted, !section.name.contains(".") else { return false }
                reads.dotSections.insert(section.name)
                return true
            }
            if name.hasPrefix(".") { return true }  // the top of the stack only: the card, or what it holds
            let first = String(name.split(separator: ".", omittingEmptySubsequences: false)[0])
            if first == "root" && (name != "root" || asSection) { return false }
            reads.names.insert(first)
            return true
        }
        for tag in tags {
            var fine = true
            switch tag.kind {
            case .variable, .unescaped: fine = understood(tag.name, asSection: false)
            case .section, .inverted:
                fine = understood(tag.name, asSection: true)
                sections.append((tag.name, tag.kind == .inverted))
            case .close: fine = sections.popLast()?.name == tag.name
            case .partial:
                let called = CardPartialAnalysis.reads(tag.name, templates: templates, visiting: visiting.union([name]))
                reads.names.formUnion(called.names)
                reads.dotSections.formUnion(called.dotSections)
                fine = called.qualifies
            case .parent, .block, .pragma, .delimiters: fine = false
            case .comment: continue
            }
            guard fine else {
                reads.qualifies = false
                return reads
            }
        }
        reads.qualifies = sections.isEmpty
        return reads
    }

    /// The partials to wrap, with what each reads: those that qualify and are called inside a
    /// section somewhere, never as a parent. Empty when any template changes the delimiters or
    /// indents a partial, parent or block tag.
    static func wrappable(_ templates: [String: String]) -> [(name: String, reads: Reads)] {
        var inSection: Set<String> = []
        var parents: Set<String> = []
        for (_, text) in templates {
            guard let tags = tags(text) else { return [] }
            // Open tags: sections push a value, parents and blocks do not.
            var open: [Bool] = []
            for tag in tags {
                switch tag.kind {
                case .delimiters: return []
                case .partial, .parent, .block:
                    if tag.indented { return [] }
                    if tag.kind == .partial && open.contains(true) { inSection.insert(tag.name) }
                    if tag.kind == .parent { parents.insert(tag.name) }
                    if tag.kind != .partial { open.append(false) }
                case .section, .inverted: open.append(true)
                case .close: _ = open.popLast()
                default: continue
                }
            }
        }
        return inSection.subtracting(parents).sorted().compactMap { name in
            let reads = reads(name, templates: templates)
            return reads.qualifies ? (name, reads) : nil
        }
    }
}
