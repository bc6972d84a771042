import Foundation

@testable import CastorKit

/// The definitions the byte-level fast paths of issue 15 replaced, kept as they were written
/// (plain Swift on characters, Foundation, arrays of parts) so that `FastPathEquivalenceTests`
/// can compare both on odd inputs.
enum FastPathReference {
    /// `TextReplace.firstMatch` as a byte loop, before `memmem`.
    static func firstMatch(_ bytes: [UInt8], _ pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return pattern.isEmpty ? start : nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first {
                var offset = 1
                while offset < pattern.count && bytes[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// The lines of a text, as `SourceLines` cut them before `memchr`.
    static func lines(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { text[$0.startIndex..<$0.endIndex] }
    }

    static func hasScheme(_ raw: String) -> Bool {
        guard let colon = raw.firstIndex(of: ":") else { return false }
        let scheme = raw[..<colon]
        guard let first = scheme.first, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    static func join(_ folder: String, _ relative: String) -> String? {
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

    static func relative(from pageURL: String, to target: String) -> String {
        let from = pageURL.split(separator: "/")
        var to = target.split(separator: "/", omittingEmptySubsequences: true)
        let targetIsFolder = target.isEmpty || target.hasSuffix("/")
        let fileName = targetIsFolder ? nil : to.popLast()
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        var parts = Array(repeating: "..", count: from.count - common)
        parts += to[common...].map(String.init)
        var result = parts.joined(separator: "/")
        if let fileName {
            result = result.isEmpty ? String(fileName) : result + "/" + fileName
        } else if !result.isEmpty {
            result += "/"
        }
        return result.isEmpty ? "./" : result
    }

    static func decoded(_ path: String) -> String {
        path.removingPercentEncoding ?? path
    }

    static func replacingAll(_ text: String, _ replacements: [(String, String)]) -> String {
        var text = text
        let patterns = replacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        var starts = [Bool](repeating: false, count: 256)
        for (pattern, _) in patterns { if let first = pattern.first { starts[Int(first)] = true } }
        return text.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            var index = 0
            var copiedUpTo = 0
            outer: while index < bytes.count {
                let byte = bytes[index]
                guard starts[Int(byte)] else {
                    index += 1
                    continue
                }
                for (pattern, replacement) in patterns where pattern.first == byte && TextReplace.matches(bytes, pattern, at: index) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<index]))
                    output.append(contentsOf: replacement)
                    index += pattern.count
                    copiedUpTo = index
                    continue outer
                }
                index += 1
            }
            if copiedUpTo == 0 { return String(decoding: bytes, as: UTF8.self) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<bytes.count]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    static func collapse<S: StringProtocol>(_ text: S) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isInlineTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var i = start
        if i < end && bytes[i] == UInt8(ascii: "/") { i += 1 }
        var name: [UInt8] = []
        while i < end, ContactScanner.isAlphanumeric(bytes[i]) {
            name.append(bytes[i] | 0x20)
            i += 1
        }
        return SearchText.inlineTags.contains(String(decoding: name, as: UTF8.self))
    }

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

    static func maskHTML(_ html: String, literal: [String] = []) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<") {
                    var end = index + 1
                    while end < bytes.count && bytes[end] != UInt8(ascii: ">") { end += 1 }
                    end = min(end + 1, bytes.count)
                    guard ContactMask.mayHoldContact(bytes, index..<end) else {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                        index = end
                        continue
                    }
                    let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    if let target = contactLink(tag), let close = ContactMask.closingA(bytes, from: end) {
                        let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[end..<close]), as: UTF8.self)
                        let label = ContactMask.maskedInner(inner, literal: literal)
                        output.append(contentsOf: ContactMask.reveal(target.contact, kind: target.kind, label: label).utf8)
                        index = close + 4
                    } else {
                        output.append(contentsOf: ContactMask.masked(tag, literal: literal).utf8)
                        index = end
                    }
                } else {
                    var end = index
                    while end < bytes.count && bytes[end] != UInt8(ascii: "<") { end += 1 }
                    guard !literal.isEmpty || ContactMask.mayHoldContact(bytes, index..<end) else {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                        index = end
                        continue
                    }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    let revealed = ContactMask.replacingContacts(in: text, literal: literal) { found, kind, out in
                        out.append(contentsOf: ContactMask.reveal(ContactMask.normalized(found), kind: kind.rawValue).utf8)
                    }
                    output.append(contentsOf: revealed.utf8)
                    index = end
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    static func forEachWord(_ text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var word: [UInt8] = []
            func flush() {
                if !word.isEmpty {
                    body(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    switch byte {
                    case 0x61...0x7A, 0x30...0x39: word.append(byte)
                    case 0x41...0x5A: word.append(byte + 0x20)
                    default: flush()
                    }
                    index += 1
                    continue
                }
                var value: UInt32
                var length: Int
                if byte < 0xE0 {
                    value = UInt32(byte & 0x1F)
                    length = 2
                } else if byte < 0xF0 {
                    value = UInt32(byte & 0x0F)
                    length = 3
                } else {
                    value = UInt32(byte & 0x07)
                    length = 4
                }
                for offset in 1..<length where index + offset < count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                index += length
                let folded = Unicode.Scalar(value).map(FrenchAnalyzer.fold) ?? []
                if folded.isEmpty {
                    flush()
                    continue
                }
                for part in folded {
                    if part == 0 { flush() } else { word.append(part) }
                }
            }
            flush()
        }
    }

    static func words(_ text: String) -> [String] {
        var result: [String] = []
        forEachWord(text) { result.append($0) }
        return result
    }

    /// A document's terms as `SearchIndex` counted them before its word table: one `String` and
    /// one dictionary lookup per word met, each distinct word of the document stemmed.
    struct DocTerms {
        var terms: [String: (count: Float, fields: UInt8)] = [:]
        var length: Float = 0
        var title = ""
        var excerpt = ""
    }

    static func analyse(_ doc: SearchIndex.Document) -> DocTerms {
        let title = SearchText.clean(doc.title)
        let summary = SearchText.clean(doc.summary)
        let body = SearchText.fromHTML(doc.html)
        var words: [String: (count: Float, fields: UInt8)] = [:]
        func count(_ text: String, _ field: UInt8) {
            forEachWord(SearchText.withoutPlaceholders(text, also: doc.placeholder)) { word in
                let stats = words[word, default: (0, 0)]
                words[word] = (stats.count + 1, stats.fields | field)
            }
        }
        count(title, SearchIndex.Field.title)
        count(summary, SearchIndex.Field.summary)
        for heading in doc.headings { count(SearchText.clean(heading), SearchIndex.Field.headings) }
        for label in doc.labels { count(SearchText.clean(label), SearchIndex.Field.labels) }
        for title in doc.attachments { count(SearchText.clean(title), SearchIndex.Field.attachments) }
        count(body, 0)
        var result = DocTerms()
        result.title = title
        result.excerpt = SearchIndex.excerptOfAnyText(summary: summary, body: body)
        for (word, stats) in words {
            guard let term = FrenchAnalyzer.term(word) else { continue }
            result.length += stats.count
            let previous = result.terms[term, default: (0, 0)]
            result.terms[term] = (previous.count + stats.count, previous.fields | stats.fields)
        }
        return result
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if let escaped = Escape.scriptEscape(scalar) {
                    result += escaped
                } else if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    static func encodeTerm(_ term: String, _ list: [(doc: Int32, score: Float)]) -> String {
        let digits = SearchIndex.digits
        let scale = list.map(\.score).max() ?? 1
        var bytes: [UInt8] = []
        var previous: Int32 = 0
        for (doc, score) in list {
            var gap = Int(doc - previous)
            previous = doc
            var groups: [UInt8] = [UInt8(gap & 31)]
            gap >>= 5
            while gap > 0 {
                groups.append(UInt8(gap & 31) + 32)
                gap >>= 5
            }
            for group in groups.reversed() { bytes.append(digits[Int(group)]) }
            let quantized = scale > 0 ? Int((score / scale * 63).rounded()) : 63
            bytes.append(digits[min(63, max(1, quantized))])
        }
        let scaleText = String(format: "%.4g", Double(scale))
        return jsonString(term) + "," + scaleText + ",\"" + String(decoding: bytes, as: UTF8.self) + "\""
    }
}

extension FastPathReference {
    /// `Slug.make` before its ASCII fast path: every scalar through `Slug.fold`'s string.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            for character in Slug.fold(scalar).unicodeScalars {
                if ("a"..."z").contains(character) || ("0"..."9").contains(character) {
                    if pendingDash && !result.isEmpty { result.append("-") }
                    pendingDash = false
                    result.unicodeScalars.append(character)
                } else {
                    pendingDash = true
                }
            }
        }
        return result
    }
}
