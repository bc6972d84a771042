import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Checks the internal links of every generated page against the files of the site.
///
/// Links written in Markdown are checked against the content when it is read; this check sees
/// the finished pages, so it also covers what the templates add (header, footer, cards…): a
/// template that links to a page the site does not have is reported before the site goes live.
public struct GeneratedLinks: Sendable {
    /// Every file the build writes, relative to the output folder (`guides/index.html`).
    let files: Set<String>
    /// The site's address (`https://exemple.org/reseau/`) and its path (`/reseau/`).
    let baseURL: String
    let basePath: String

    public init(files: Set<String>, baseURL: String, basePath: String) {
        self.files = files
        self.baseURL = baseURL
        self.basePath = basePath
    }

    /// A link of a page that leads to no file of the site.
    public struct Broken: Sendable, Hashable {
        /// The address as written in the page (`../../contribuer/`).
        public let link: String
        /// What it points to, relative to the site root (`contribuer/`), or the link itself
        /// when it leaves the site.
        public let target: String
    }

    /// The broken internal links of the page written at `file` (`guides/scic/index.html`).
    public func broken(in html: String, page file: String) -> [Broken] {
        var found: [Broken] = []
        let folder = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        // Most links of a page start from its root (`../../assets/style.css`, written
        // `{{root}}…` in templates): those are read without taking the path apart.
        let root = Array((folder.isEmpty ? "./" : String(repeating: "../", count: folder.count)).utf8)
        for link in GeneratedLinks.links(in: html) {
            if let target = GeneratedLinks.fromRoot(link, root: root) {
                if !exists(target) { found.append(Broken(link: link, target: target)) }
                continue
            }
            guard let path = sitePath(link, folder: folder) else { continue }
            switch path {
            case .inside(let target):
                if !exists(target) { found.append(Broken(link: link, target: target)) }
            case .outside:
                found.append(Broken(link: link, target: link))
            }
        }
        return found
    }

    /// The root-relative target of a plain link starting with the page's root prefix
    /// (`../../guides/` from a page two folders deep → `guides/`), or nil when the link needs the
    /// full treatment (dots, queries, anchors, escapes, schemes).
    static func fromRoot(_ link: String, root: [UInt8]) -> String? {
        var utf8 = link.utf8[...]
        guard utf8.starts(with: root) else { return nil }
        utf8 = utf8.dropFirst(root.count)
        var previous = UInt8(ascii: "/")
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "%"), UInt8(ascii: ":"), UInt8(ascii: "&"):
                return nil
            case UInt8(ascii: "."), UInt8(ascii: "/"):
                // `..`, `./` or `//` after the root prefix: the long way.
                if previous == UInt8(ascii: "/") { return nil }
            default: break
            }
            previous = byte
        }
        return String(Substring(utf8))
    }

    enum SitePath: Equatable {
        case inside(String)
        case outside
    }

    /// Where an internal link leads, relative to the site root; `nil` for links to other sites,
    /// `mailto:`, anchors of the same page and the like.
    func sitePath(_ raw: String, folder: [String]) -> SitePath? {
        // An anchor or a query of the page itself (the table of contents: most links that are
        // not written from the root) leads nowhere else: its first character is `#` or `?` when
        // the byte after it is ASCII (a combining mark would make another character of it).
        let utf8 = raw.utf8
        if let first = utf8.first, first == UInt8(ascii: "#") || first == UInt8(ascii: "?"),
            utf8.count == 1 || utf8[utf8.index(after: utf8.startIndex)] < 0x80
        {
            return nil
        }
        if let path = GeneratedLinks.plainRelativePath(raw, folder: folder) { return path }
        return fullSitePath(raw, folder: folder)
    }

    /// `fullSitePath` for a link of ASCII letters, digits, `.`, `-`, `_`, `/` and the like, with
    /// no `%`, `#`, `?` or `:` and not starting with `/` (a link a body's Markdown gives, made
    /// relative to the page): its segments taken from its bytes. Nil for any other link.
    static func plainRelativePath(_ raw: String, folder: [String]) -> SitePath? {
        let utf8 = raw.utf8
        guard let first = utf8.first, first != UInt8(ascii: "/") else { return nil }
        for byte in utf8 {
            if byte >= 0x80 || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":") {
                return nil
            }
        }
        var parts = folder
        var start = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "/")) ?? utf8.endIndex
            let segment = utf8[start..<end]
            let isLast = end == utf8.endIndex
            if segment.elementsEqual("..".utf8) {
                guard !parts.isEmpty else { return .outside }
                parts.removeLast()
            } else if segment.isEmpty || segment.elementsEqual(".".utf8) {
                // A trailing `/` (or `./`) names the folder's index.html.
                if isLast { parts.append("") }
            } else {
                parts.append(String(Substring(segment)))
            }
            if isLast { break }
            start = utf8.index(after: end)
        }
        return .inside(parts.joined(separator: "/"))
    }

    /// Where any internal link leads (`sitePath` without its shortcuts).
    func fullSitePath(_ raw: String, folder: [String]) -> SitePath? {
        var link = Substring(raw)
        if let cut = link.firstIndex(where: { $0 == "#" || $0 == "?" }) { link = link[..<cut] }
        if link.isEmpty { return nil }
        var parts: [String]
        if link.hasPrefix(baseURL) {
            parts = []
            link = link.dropFirst(baseURL.count)
        } else if link.hasPrefix("//") || LinkResolver.hasScheme(link) {
            return nil
        } else if link.hasPrefix("/") {
            guard link.hasPrefix(basePath) else { return .outside }
            parts = []
            link = link.dropFirst(basePath.count)
        } else {
            parts = folder
        }
        let segments = link.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            switch segment {
            case "..":
                guard !parts.isEmpty else { return .outside }
                parts.removeLast()
            case ".", "":
                // A trailing `/` (or `./`) names the folder's index.html.
                if index == segments.count - 1 { parts.append("") }
            default:
                parts.append(URLPaths.percentDecoded(segment))
            }
        }
        return .inside(parts.joined(separator: "/"))
    }

    func exists(_ target: String) -> Bool {
        if target.isEmpty || target.hasSuffix("/") { return files.contains(target + "index.html") }
        return files.contains(target) || files.contains(target + "/index.html")
    }

    /// The values of `href`, `src` and `action` attributes, entities decoded.
    ///
    /// An attribute is a space or a line break, lowercase letters, then `="`. The page is searched
    /// for its `=` with `memchr` (a few hundred in a page, against thousands of spaces), and the
    /// name read backwards from there; the value of a link is skipped whole, as before.
    static func links(in html: String) -> [String] {
        var html = html
        return html.withUTF8 { bytes in
            var result: [String] = []
            guard let base = bytes.baseAddress else { return result }
            let count = bytes.count
            var index = 0
            while index < count, let found = memchr(base + index, Int32(UInt8(ascii: "=")), count - index) {
                let equals = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                index = equals + 1
                guard equals + 1 < count, bytes[equals + 1] == UInt8(ascii: "\"") else { continue }
                var nameStart = equals
                while nameStart > 0, bytes[nameStart - 1] >= UInt8(ascii: "a"), bytes[nameStart - 1] <= UInt8(ascii: "z") { nameStart -= 1 }
                guard nameStart > 0, bytes[nameStart - 1] == UInt8(ascii: " ") || bytes[nameStart - 1] == UInt8(ascii: "\n"),
                    GeneratedLinks.isLinkAttribute(UnsafeBufferPointer(rebasing: bytes[nameStart..<equals]))
                else { continue }
                let start = equals + 2
                var end = start
                var hasEntity = false
                while end < count, bytes[end] != UInt8(ascii: "\"") {
                    if bytes[end] == UInt8(ascii: "&") { hasEntity = true }
                    end += 1
                }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                result.append(hasEntity ? ActiveContent.decodeReferences(value) : value)
                index = end + 1
            }
            return result
        }
    }

    static func isLinkAttribute(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.elementsEqual("href".utf8) || name.elementsEqual("src".utf8) || name.elementsEqual("action".utf8)
    }
}

/// The broken links of a whole build, one entry per target, with where it comes from.
public struct BrokenLinkReport: Sendable {
    struct Seen: Sendable {
        var link: String
        var firstPage: String
        var pages: Int
    }

    private var byTarget: [String: Seen] = [:]

    public init() {}

    public var isEmpty: Bool { byTarget.isEmpty }

    public mutating func add(_ broken: [GeneratedLinks.Broken], page: String) {
        for item in Set(broken) {
            if var seen = byTarget[item.target] {
                seen.pages += 1
                if page < seen.firstPage { seen.firstPage = page }
                byTarget[item.target] = seen
            } else {
                byTarget[item.target] = Seen(link: item.link, firstPage: page, pages: 1)
            }
        }
    }

    public mutating func merge(_ other: BrokenLinkReport) {
        for (target, seen) in other.byTarget {
            if var mine = byTarget[target] {
                mine.pages += seen.pages
                if seen.firstPage < mine.firstPage { mine.firstPage = seen.firstPage }
                byTarget[target] = mine
            } else {
                byTarget[target] = seen
            }
        }
    }

    /// One error per broken target, placed where a template writes it when it can be found
    /// (`templates/partials/footer.mustache:8:5`), or else on the first page that has it.
    public func diagnostics(templates: [TemplateSet.Source], output: String) -> [Diagnostic] {
        byTarget.keys.sorted().map { target in
            let seen = byTarget[target]!
            let pages = seen.pages == 1 ? "1 page" : "\(seen.pages) pages"
            let message = "lien vers « \(target) », qui n'existe pas dans le site (\(pages), par exemple \(seen.firstPage))"
            if let place = BrokenLinkReport.locate(target, in: templates) {
                return .error(place.file, place.position, message,
                    hint: "corrigez ce lien du gabarit, ou créez la page qu'il annonce (les pages de content/pages ont pour adresse leur nom de fichier)")
            }
            return .error(output + "/" + seen.firstPage, .unknown, message + " ; lien écrit « \(seen.link) »",
                hint: "ce lien vient d'un gabarit ou d'une valeur de site.yml : corrigez-le ou créez la page")
        }
    }

    /// The first place a template writes a link to `target` (`{{root}}contribuer/`).
    static func locate(_ target: String, in templates: [TemplateSet.Source]) -> (file: String, position: SourcePosition)? {
        guard !target.isEmpty else { return nil }
        let patterns = ["{{root}}" + target, "{{ root }}" + target]
        for source in templates {
            var line = 1
            for lineText in source.text.split(separator: "\n", omittingEmptySubsequences: false) {
                for pattern in patterns {
                    if let range = lineText.range(of: pattern) {
                        let column = lineText[..<range.lowerBound].count + 1
                        return (source.file, SourcePosition(line: line, column: column))
                    }
                }
                line += 1
            }
        }
        return nil
    }
}
