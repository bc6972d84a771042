import Foundation

extension ContactMask {
    /// Masks every contact of rendered HTML (a Markdown body):
    /// - a link to a contact (`mailto:`, `tel:`, or a web address holding an e-mail address or
    ///   a phone number) becomes a `span.contact-masque` keeping the link's text, contacts in it
    ///   replaced by the placeholder;
    /// - a contact in the text becomes a `span.contact-masque` showing the placeholder;
    /// - a contact in another attribute (`alt`, `title`…) becomes the placeholder.
    /// The spans hold the scrambled contact; `assets/contacts.js` shows it on demand.
    /// `literal` contacts (an ad's own) are masked wherever they occur in the text.
    public static func maskHTML(_ html: String, literal: [String] = []) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 256)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<") {
                    var end = index + 1
                    while end < bytes.count && bytes[end] != UInt8(ascii: ">") { end += 1 }
                    end = min(end + 1, bytes.count)
                    guard mayHoldContact(bytes, index..<end) else {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                        index = end
                        continue
                    }
                    let tagBytes = UnsafeBufferPointer(rebasing: bytes[index..<end])
                    // Not a link (`contactLink` needs `<a `) and no contact in it: `masked` would
                    // give the tag back as it is.
                    if !startsLink(tagBytes), allMatches(tagBytes, literal: literal).isEmpty {
                        output.append(contentsOf: tagBytes)
                        index = end
                        continue
                    }
                    let tag = String(decoding: tagBytes, as: UTF8.self)
                    if let target = contactLink(tag), let close = closingA(bytes, from: end) {
                        let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[end..<close]), as: UTF8.self)
                        let label = maskedInner(inner, literal: literal)
                        output.append(contentsOf: reveal(target.contact, kind: target.kind, label: label).utf8)
                        index = close + 4
                    } else {
                        output.append(contentsOf: masked(tag, literal: literal).utf8)
                        index = end
                    }
                } else {
                    var end = index
                    while end < bytes.count && bytes[end] != UInt8(ascii: "<") { end += 1 }
                    guard !literal.isEmpty || mayHoldContact(bytes, index..<end) else {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                        index = end
                        continue
                    }
                    let textBytes = UnsafeBufferPointer(rebasing: bytes[index..<end])
                    // No contact in it: `replacingContacts` would give the text back as it is.
                    if allMatches(textBytes, literal: literal).isEmpty {
                        output.append(contentsOf: textBytes)
                        index = end
                        continue
                    }
                    let text = String(decoding: textBytes, as: UTF8.self)
                    let revealed = replacingContacts(in: text, literal: literal) { found, kind, out in
                        out.append(contentsOf: reveal(normalized(found), kind: kind.rawValue).utf8)
                    }
                    output.append(contentsOf: revealed.utf8)
                    index = end
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether the bytes may hold a contact: an address needs `@` (or `%40`), a number a `0`
    /// or a `+`. Most of a page has none, and is copied as it is.
    static func mayHoldContact(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range {
            switch bytes[i] {
            case UInt8(ascii: "@"), UInt8(ascii: "0"), UInt8(ascii: "+"), UInt8(ascii: "%"): return true
            default: continue
            }
        }
        return false
    }

    /// Whether the tag's bytes start with `<a ` (needed, not enough, for `hasPrefix("<a ")`).
    static func startsLink(_ tag: UnsafeBufferPointer<UInt8>) -> Bool {
        tag.count >= 3 && tag[0] == UInt8(ascii: "<") && tag[1] == UInt8(ascii: "a") && tag[2] == UInt8(ascii: " ")
    }

    /// The contact an opening `<a href="…">` leads to, with its kind, if it leads to one.
    static func contactLink(_ tag: String) -> (contact: String, kind: String)? {
        guard tag.hasPrefix("<a ") else { return nil }
        let href: String
        if tag.utf8.allSatisfy({ $0 < 0x80 }) {
            // An ASCII tag: characters are bytes, so a byte search finds what `range(of:)` finds.
            guard let value = asciiHref(tag) else { return nil }
            href = value
        } else {
            guard let hrefStart = tag.range(of: " href=\"") else { return nil }
            let rest = tag[hrefStart.upperBound...]
            guard let quote = rest.firstIndex(of: "\"") else { return nil }
            href = String(rest[..<quote]).replacingOccurrences(of: "&amp;", with: "&")
        }
        let lower = href.lowercased()
        if lower.hasPrefix("mailto:") {
            let address = href.dropFirst("mailto:".count).prefix { $0 != "?" }
            return (URLPaths.percentDecoded(address), "email")
        }
        if lower.hasPrefix("tel:") {
            return (URLPaths.percentDecoded(href.dropFirst("tel:".count)), "phone")
        }
        if ContactScanner.containsContact(href) { return (href, "web") }
        // Without a `%`, the decoded address is the address itself: already scanned.
        let decoded = URLPaths.percentDecoded(href)
        if decoded != href, ContactScanner.containsContact(decoded) { return (href, "web") }
        return nil
    }

    /// The `href` value of an ASCII tag, `&amp;` read as `&`.
    static func asciiHref(_ tag: String) -> String? {
        var tag = tag
        return tag.withUTF8 { bytes -> String? in
            var attribute = " href=\""
            guard let start = attribute.withUTF8({ TextReplace.firstMatch(bytes, $0, from: 0) }) else { return nil }
            let valueStart = start + 7
            var quote = valueStart
            while quote < bytes.count, bytes[quote] != UInt8(ascii: "\"") { quote += 1 }
            guard quote < bytes.count else { return nil }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<quote]), as: UTF8.self)
            return value.utf8.contains(UInt8(ascii: "&")) ? TextReplace.replacingAll(value, [("&amp;", "&")]) : value
        }
    }

    /// The start of the `</a>` closing the link whose content starts at `from`.
    static func closingA(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var closing = "</a>"
        return closing.withUTF8 { TextReplace.firstMatch(bytes, $0, from: from) }
    }

    /// A link's content inside a reveal span: contacts in its text and attributes become the
    /// placeholder (no span inside the span); an empty label becomes the placeholder.
    static func maskedInner(_ inner: String, literal: [String]) -> String {
        let label = masked(inner, literal: literal)
        return label.allSatisfy(\.isWhitespace) ? placeholder : label
    }
}
