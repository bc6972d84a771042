/// The lines of a source text, to turn the positions parsers give into the columns a volunteer
/// counts.
///
/// A column is the number of characters (extended grapheme clusters: « é » is one character
/// whether it is typed as one code point or as « e » plus a combining accent) from the start of
/// the line, plus one. cmark-gfm counts bytes and libyaml counts Unicode scalars; both are
/// converted here.
struct SourceLines: Sendable {
    let lines: [Substring]
    private static let newline: [UInt8] = [UInt8(ascii: "\n")]

    init(_ text: String) {
        // Cut at the byte ("\r\n" is a single Character for Swift), found with `memchr`
        // (`TextReplace.firstMatch`): every front matter and every body with a link is cut into lines.
        var text = text
        let ends: [Int] = text.withUTF8 { bytes in
            SourceLines.newline.withUnsafeBufferPointer { newline in
                var ends: [Int] = []
                var position = 0
                while let found = TextReplace.firstMatch(bytes, newline, from: position) {
                    ends.append(found)
                    position = found + 1
                }
                return ends
            }
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        var start = utf8.startIndex
        for offset in ends {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(text[start...])
        self.lines = lines
    }

    /// The 1-based line, without its line end; nil past the end.
    subscript(line: Int) -> Substring? {
        guard line >= 1, line <= lines.count else { return nil }
        let text = lines[line - 1]
        return text.hasSuffix("\r") ? text.dropLast() : text
    }

    /// The character column of the 1-based byte column `utf8Column` of `line`.
    func column(line: Int, utf8Column: Int) -> Int {
        guard let text = self[line], utf8Column >= 1 else { return utf8Column }
        let offset = min(utf8Column - 1, text.utf8.count)
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return SourceLines.characters(before: index, in: text, extra: utf8Column - 1 - offset)
    }

    /// The character column of the 1-based Unicode scalar column `scalarColumn` of `line`.
    func column(line: Int, scalarColumn: Int) -> Int {
        guard let text = self[line], scalarColumn >= 1 else { return scalarColumn }
        let offset = min(scalarColumn - 1, text.unicodeScalars.count)
        let index = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: offset)
        return SourceLines.characters(before: index, in: text, extra: scalarColumn - 1 - offset)
    }

    /// Characters before `index`, plus `extra` positions past the end of the line, plus one.
    static func characters(before index: String.Index, in text: Substring, extra: Int) -> Int {
        let scalars = text.unicodeScalars[..<index]
        // ASCII only (most front matter keys): one character per scalar, no string to build.
        if scalars.allSatisfy(\.isASCII) { return scalars.count + extra + 1 }
        return String(Substring(scalars)).count + extra + 1
    }
}
