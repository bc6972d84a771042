/// Plain text for the search index, from rendered HTML and front matter values.
///
/// Contacts must never reach the index: rendered bodies and front matter texts hold them
/// only masked (`ContactMask`); numeric character references are dropped (never decoded),
/// anything still looking like an e-mail address or a phone number becomes the placeholder,
/// and the placeholders are shown in results but never indexed (`withoutPlaceholders`).
public enum SearchText {
    /// The text of rendered HTML: tags become spaces, `&amp;`, `&lt;`, `&gt;`, `&quot;`,
    /// `&#39;` and `&nbsp;` are decoded, numeric references are dropped (whitespace is left as
    /// is: `collapse` the part you show).
    public static func fromHTML(_ html: String) -> String {
        var html = html
        let text = html.withUTF8 { bytes -> [UInt8] in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    // Inline formatting does not split a word; every other tag does.
                    var end = index + 1
                    while end < bytes.count && bytes[end] != UInt8(ascii: ">") { end += 1 }
                    if !isInlineTag(bytes, from: index + 1, to: end) { output.append(0x20) }
                    index = end + 1
                } else if byte == UInt8(ascii: "&") {
                    var end = index + 1
                    while end < bytes.count && end - index < 12 && bytes[end] != UInt8(ascii: ";") { end += 1 }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<min(end, bytes.count)]), as: UTF8.self)
                    if end < bytes.count && bytes[end] == UInt8(ascii: ";") {
                        switch name {
                        case "amp": output.append(UInt8(ascii: "&"))
                        case "lt": output.append(UInt8(ascii: "<"))
                        case "gt": output.append(UInt8(ascii: ">"))
                        case "quot": output.append(UInt8(ascii: "\""))
                        case "#39", "apos": output.append(UInt8(ascii: "'"))
                        case "nbsp": output.append(0x20)
                        default:
                            // Numeric references are masked contacts: dropped, with what they joined.
                            if name.hasPrefix("#") {
                                while output.last.map(isContactByte) ?? false { output.removeLast() }
                                var next = end + 1
                                while next < bytes.count && isContactByte(bytes[next]) { next += 1 }
                                index = next
                                output.append(0x20)
                                continue
                            }
                            output.append(0x20)
                        }
                        index = end + 1
                    } else {
                        output.append(byte)
                        index += 1
                    }
                } else {
                    output.append(byte)
                    index += 1
                }
            }
            return output
        }
        return withoutContacts(String(decoding: text, as: UTF8.self))
    }

    /// Front matter text for the index: contacts removed, whitespace collapsed.
    public static func clean(_ text: String) -> String {
        collapse(withoutContacts(text))
    }

    static let inlineTags: Set<String> = ["a", "em", "strong", "code", "del", "s", "b", "i", "span", "mark", "abbr", "kbd"]

    static let inlineTagBytes: [[UInt8]] = inlineTags.sorted().map { Array($0.utf8) }

    static func isInlineTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var i = start
        if i < end && bytes[i] == UInt8(ascii: "/") { i += 1 }
        var nameEnd = i
        while nameEnd < end, ContactScanner.isAlphanumeric(bytes[nameEnd]) { nameEnd += 1 }
        // The name lower-cased (`| 0x20`) compared byte by byte with each inline tag: no string
        // made and hashed per tag.
        return inlineTagBytes.contains { tag in
            guard tag.count == nameEnd - i else { return false }
            for offset in 0..<tag.count where bytes[i + offset] | 0x20 != tag[offset] { return false }
            return true
        }
    }

    /// Letters, digits and the punctuation of addresses and numbers: what a masked contact
    /// may be glued to.
    static func isContactByte(_ byte: UInt8) -> Bool {
        ContactScanner.isLocalByte(byte) || byte == UInt8(ascii: "@")
    }

    /// Replaces every e-mail address and phone number still there (as `ContactScanner` finds
    /// them) by the readable placeholder that results show.
    public static func withoutContacts(_ text: String) -> String {
        ContactMask.masked(text)
    }

    /// The text without the placeholders of masked contacts: « contact masqué » is not a word
    /// of the document, and is not indexed.
    /// `also`: the placeholder of the document's collection (`contact_placeholder`), if any.
    public static func withoutPlaceholders(_ text: String, also other: String? = nil) -> String {
        TextReplace.replacingAll(text, [(ContactMask.placeholder, " ")] + (other.map { [($0, " ")] } ?? []))
    }

    /// Runs of whitespace become one space; no space at either end.
    public static func collapse<S: StringProtocol>(_ text: S) -> String {
        // The kept scalars' UTF-8 bytes go into one buffer, made a string once (appending to a
        // string's scalar view scalar by scalar was most of this function's time).
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // ASCII without the Unicode property tables: tab to carriage return, and space.
            let isWhitespace = scalar.isASCII ? (scalar.value >= 0x09 && scalar.value <= 0x0D) || scalar.value == 0x20 : scalar.properties.isWhitespace
            if isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                if scalar.isASCII {
                    result.append(UInt8(scalar.value))
                } else {
                    result.append(contentsOf: scalar.utf8)
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The first `limit` characters of `text`, cut at a word boundary.
    public static func prefix(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = cut[..<space]
        }
        return String(cut)
    }
}
