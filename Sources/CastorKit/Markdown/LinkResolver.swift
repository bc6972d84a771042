import Foundation

/// Turns the addresses written in Markdown into addresses of the built site: links to `.md`
/// files become links to their pages, links to files inside the content folder stay relative,
/// and a link to something that does not exist is an error.
public struct LinkResolver: Sendable {
    public struct Target: Sendable, Hashable {
        public let url: String
        public let isPublished: Bool
        /// Where to send readers when the target is not published (its collection's listing).
        public let fallbackURL: String
    }

    /// Markdown files by path under the content folder.
    public let targets: [String: Target]
    /// Other files under the content folder.
    public let assets: Set<String>
    /// Symbolic links under the content folder (never published), with whether each leads
    /// outside it.
    public let links: [String: Bool]

    public init(targets: [String: Target], assets: Set<String>, links: [String: Bool] = [:]) {
        self.targets = targets
        self.assets = assets
        self.links = links
    }

    public func resolve(_ raw: String, from entry: Entry, at position: SourcePosition) -> LinkResolution {
        if raw.isEmpty || raw.hasPrefix("#") || raw.hasPrefix("//") || LinkResolver.hasScheme(raw) { return .keep }
        let file = entry.displayPath
        if raw.hasPrefix("/") {
            return .problem(
                .warning(file, position, "lien absolu « \(raw) » : il ne marchera pas si le site est publié dans un sous-dossier",
                    hint: "faites un lien relatif vers le fichier .md, par exemple « ../boite-a-outils/metaplan.md »"))
        }
        var path = Substring(raw)
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[mark...])
            path = path[..<mark]
        }
        let decoded = URLPaths.percentDecoded(path)
        guard let joined = LinkResolver.join(entry.sourceFolder, decoded) else {
            return .problem(
                .error(file, position, "le lien « \(raw) » sort du dossier de contenu",
                    hint: "un lien doit viser un fichier du dossier de contenu ; pour un autre site, écrivez l'adresse complète https://…"))
        }
        let candidates = joined.hasSuffix(".md") ? [joined] : [joined, joined.isEmpty ? "index.md" : joined + "/index.md"]
        for candidate in candidates {
            guard let target = targets[candidate] else { continue }
            if !target.isPublished {
                // The page does not exist: the link leads to the listing of its collection.
                return .replaceWithWarning(
                    URLPaths.relative(from: entry.url, to: target.fallbackURL),
                    .warning(file, position, "le lien « \(raw) » vise un contenu non publié (brouillon ou contenu expiré)",
                        hint: "le lien mène pour l'instant à la liste de sa rubrique"))
            }
            return .replace(URLPaths.relative(from: entry.url, to: target.url) + suffix)
        }
        if assets.contains(joined) {
            return .replace(URLPaths.relative(from: entry.url, to: joined).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! + suffix)
        }
        var prefix = joined
        while !prefix.isEmpty {
            if let leaves = links[prefix] {
                return .problem(
                    .error(file, position,
                        leaves
                            ? "le lien « \(raw) » vise un lien symbolique qui mène hors du dossier de contenu"
                            : "le lien « \(raw) » vise un lien symbolique : Castor ne publie pas les liens symboliques",
                        hint: "mettez une copie du vrai fichier à la place du lien symbolique « \(prefix) »"))
            }
            prefix = (prefix as NSString).deletingLastPathComponent
        }
        var hint = "vérifiez le nom du fichier et le chemin depuis ce fichier (« ../ » remonte d'un dossier)"
        if let near = LinkResolver.nearest(to: joined, in: targets.keys) {
            hint = "vouliez-vous écrire « \(LinkResolver.relativeSource(from: entry.sourceFolder, to: near)) » ? " + hint
        }
        return .problem(.error(file, position, "lien vers un fichier introuvable : « \(raw) »", hint: hint))
    }

    /// A Markdown file with the same name elsewhere (`scic.md` for `../scic.md`), or nil.
    static func nearest(to wanted: String, in paths: Dictionary<String, Target>.Keys) -> String? {
        func name(_ path: String) -> String {
            var parts = path.split(separator: "/")
            if parts.last == "index.md" { parts.removeLast() }
            guard let last = parts.last else { return "" }
            return last.hasSuffix(".md") ? String(last.dropLast(3)) : String(last)
        }
        let key = name(wanted)
        guard !key.isEmpty else { return nil }
        return paths.sorted().first { name($0) == key }
    }

    /// Whether an address starts with a scheme (`https:`, `mailto:`).
    static func hasScheme(_ raw: some StringProtocol) -> Bool {
        // Fast path over the bytes while they are ASCII. Before the first `:`, an ASCII byte is
        // a whole character (no combining mark can follow it, as the next byte is ASCII too), so
        // one outside `a-z A-Z 0-9 + - .` answers no at once; at the `:`, the scheme is valid
        // when it starts with a letter. A non-ASCII byte before the `:` or right after it (a mark
        // joined to the `:`) leaves the answer to the definition by characters.
        let bytes = raw.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                let next = bytes.index(after: index)
                if next != bytes.endIndex, bytes[next] >= 0x80 { return hasSchemeByCharacters(raw) }
                guard index != bytes.startIndex else { return false }
                return isASCIILetter(bytes[bytes.startIndex])
            }
            if byte >= 0x80 { return hasSchemeByCharacters(raw) }
            guard isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
            else { return false }
            index = bytes.index(after: index)
        }
        return false
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// `hasScheme` by its definition, on characters.
    static func hasSchemeByCharacters(_ raw: some StringProtocol) -> Bool {
        guard let colon = raw.firstIndex(of: ":") else { return false }
        let scheme = raw[..<colon]
        guard let first = scheme.first, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// Resolves `relative` against `folder`; nil when it climbs above the content folder.
    static func join(_ folder: String, _ relative: String) -> String? {
        var folderBytes = folder
        var relativeBytes = relative
        let fast = folderBytes.withUTF8 { folder in relativeBytes.withUTF8 { relative in plainJoin(folder, relative) } }
        if let fast { return fast }
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// `join` on the bytes of the usual paths, nil when they are not usual (then the definition
    /// above decides): `relative` is some `../` then a plain path, maybe ending with `/`
    /// (`../../fiches/x.md`, `kit/`), `folder` a plain path. Each `../` removes the folder's last
    /// part, the rest is appended: what splitting, walking the parts and joining them gives.
    /// `/` and `.` bytes are whole characters except that a mark may join a `/` to what follows,
    /// or a prepended character (U+0600…) join it to what precedes: so the bytes right after the
    /// `../` and right before a final `/` must be ASCII, and the folder too when parts are removed.
    /// Returns `.some(nil)` when the `../` climb above the content folder.
    static func plainJoin(_ folder: UnsafeBufferPointer<UInt8>, _ relative: UnsafeBufferPointer<UInt8>) -> String?? {
        let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
        var start = 0
        var climbs = 0
        while start + 2 < relative.count, relative[start] == dot, relative[start + 1] == dot, relative[start + 2] == slash {
            start += 3
            climbs += 1
        }
        if climbs > 0, start < relative.count, relative[start] >= 0x80 { return nil }
        var end = relative.count
        if end > start, relative[end - 1] == slash {
            if end - 1 > start, relative[end - 2] >= 0x80 { return nil }
            end -= 1
        }
        let rest = UnsafeBufferPointer(rebasing: relative[start..<end])
        guard isPlainPath(rest), isPlainPath(folder) else { return nil }
        // The folder's parts are its `/` plus one; the kept prefix ends before the `climbs`-th
        // `/` from the end.
        var kept = folder.count
        if climbs > 0 {
            if folder.contains(where: { $0 >= 0x80 }) { return nil }
            var removed = 0
            while removed < climbs {
                if kept == 0 { return .some(nil) }
                kept -= 1
                while kept > 0, folder[kept] != slash { kept -= 1 }
                removed += 1
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(kept + 1 + rest.count)
        result.append(contentsOf: UnsafeBufferPointer(rebasing: folder[0..<kept]))
        if kept > 0, !rest.isEmpty { result.append(slash) }
        result.append(contentsOf: rest)
        return .some(String(decoding: result, as: UTF8.self))
    }

    /// Whether `path` has no leading, trailing or doubled `/` and no part starting with `.`.
    static func isPlainPath(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") { return false }
            previous = byte
        }
        return path.isEmpty || previous != UInt8(ascii: "/")
    }

    /// The path a volunteer would write from `folder` to `target` (both under the content folder).
    static func relativeSource(from folder: String, to target: String) -> String {
        URLPaths.relative(from: folder.isEmpty ? "" : folder + "/", to: target)
    }
}
