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
                    let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
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
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
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

    /// The contact an opening `<a href="…">` leads to, with its kind, if it leads to one.
    static func contactLink(_ tag: String) -> (contact: String, kind: String)? {
        guard tag.hasPrefix("<a "), let hrefStart = tag.range(of: " href=\"") else { return nil }
        let rest = tag[hrefStart.upperBound...]
        guard let quote = rest.firstIndex(of: "\"") else { return nil }
        let href = String(rest[..<quote]).replacingOccurrences(of: "&amp;", with: "&")
        let lower = href.lowercased()
        if lower.hasPrefix("mailto:") {
            let address = href.dropFirst("mailto:".count).prefix { $0 != "?" }
            return (String(address).removingPercentEncoding ?? String(address), "email")
        }
        if lower.hasPrefix("tel:") {
            let number = String(href.dropFirst("tel:".count))
            return (number.removingPercentEncoding ?? number, "phone")
        }
        let decoded = href.removingPercentEncoding ?? href
        if ContactScanner.containsContact(href) || ContactScanner.containsContact(decoded) { return (href, "web") }
        return nil
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
