/// The first French typography, byte by byte (was `FrenchTypography` until issue 15), kept as the
/// reference the fast `FrenchTypography` must match byte for byte (`FrenchTypographyEquivalenceTests`).
enum FrenchTypographyReference {
    static let narrowNoBreak: [UInt8] = Array("\u{202F}".utf8)  // before ; ! ? and inside « »
    static let noBreak: [UInt8] = Array("\u{00A0}".utf8)  // before : and before units
    static let skippedElements: [[UInt8]] = ["code", "pre", "kbd", "samp", "script", "style", "textarea"].map { Array($0.utf8) }
    static let units: [[UInt8]] = ["€", "%", "‰", "km", "m²", "m2", "m³", "ha", "kg", "kWh", "h", "min", "ans", "jours", "mois", "logements", "places", "personnes"]
        .map { Array($0.utf8) }

    static func apply(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 32)
            var i = 0
            var skipUntil: [UInt8]?  // closing tag name while inside code, pre…
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "<") {
                    let end = tagEnd(bytes, from: i)
                    let (name, closing) = tagName(bytes, from: i, to: end)
                    if let skipped = skipUntil {
                        if closing && name == skipped { skipUntil = nil }
                    } else if !closing, skippedElements.contains(name) {
                        skipUntil = name
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    i = end
                    continue
                }
                if skipUntil != nil {
                    out.append(byte)
                    i += 1
                    continue
                }
                i = text(bytes, at: i, into: &out)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Handles one byte of text (or a space and what follows it); returns the next index.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into out: inout [UInt8]) -> Int {
        let byte = bytes[i]
        let next = i + 1 < bytes.count ? bytes[i + 1] : 0
        if byte == 0x20 {
            // A space before ; ! ? : or », or after «, becomes a no-break space.
            switch next {
            case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"):
                if endsPunctuation(bytes, at: i + 1) {
                    out += narrowNoBreak
                    return i + 1
                }
            case UInt8(ascii: ":"):
                if endsPunctuation(bytes, at: i + 1) {
                    out += noBreak
                    return i + 1
                }
            default:
                if starts(bytes, at: i + 1, with: "»") {
                    out += narrowNoBreak
                    return i + 1
                }
            }
            if out.count >= 2, out[out.count - 2] == 0xC2, out[out.count - 1] == 0xAB {  // after «
                out += narrowNoBreak
                return i + 1
            }
            // Between a digit and a unit, or between groups of three digits.
            if let last = out.last, isDigit(last) {
                if isDigit(next), threeDigits(bytes, at: i + 1) {
                    out += narrowNoBreak
                    return i + 1
                }
                if units.contains(where: { unitFollows(bytes, at: i + 1, unit: $0) }) {
                    out += noBreak
                    return i + 1
                }
            }
            out.append(byte)
            return i + 1
        }
        // « directly followed by a letter, or a letter directly followed by »: add the space.
        if starts(bytes, at: i, with: "«"), i + 2 < bytes.count, bytes[i + 2] != 0x20, !startsWithNoBreak(bytes, at: i + 2) {
            out += Array("«".utf8) + narrowNoBreak
            return i + 2
        }
        if starts(bytes, at: i, with: "»"), let last = out.last, last != 0x20, !endsWithNoBreak(out), last != UInt8(ascii: ">") {
            out += narrowNoBreak + Array("»".utf8)
            return i + 2
        }
        out.append(byte)
        return i + 1
    }

    /// Whether the punctuation at `index` ends a phrase (followed by a space, a tag, a quote or the end),
    /// so `9 :30` or ` :)` style fragments are left alone.
    static func endsPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var j = index + 1
        while j < bytes.count, bytes[j] == bytes[index], bytes[index] != UInt8(ascii: ":") { j += 1 }  // « ?! », « !! »
        guard j < bytes.count else { return true }
        let b = bytes[j]
        return b == 0x20 || b == 0x0A || b == UInt8(ascii: "<") || b == 0xC2 || b == 0xE2
            || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func threeDigits(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 2 < bytes.count, isDigit(bytes[index]), isDigit(bytes[index + 1]), isDigit(bytes[index + 2]) else { return false }
        return index + 3 >= bytes.count || !isDigit(bytes[index + 3])
    }

    static func unitFollows(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, unit: [UInt8]) -> Bool {
        guard index + unit.count <= bytes.count else { return false }
        for k in 0..<unit.count where bytes[index + k] != unit[k] { return false }
        let after = index + unit.count
        guard after < bytes.count else { return true }
        let b = bytes[after]
        // The unit must end there: not « h » of « habitants ».
        return !((b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || isDigit(b) || (b >= 0xC3 && b <= 0xC5))
    }

    static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
        return true
    }

    static func startsWithNoBreak(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        starts(bytes, at: index, with: "\u{00A0}") || starts(bytes, at: index, with: "\u{202F}") || starts(bytes, at: index, with: "&nbsp;")
    }

    static func endsWithNoBreak(_ out: [UInt8]) -> Bool {
        out.suffix(2).elementsEqual(noBreak) || out.suffix(3).elementsEqual(narrowNoBreak) || out.suffix(6).elementsEqual(Array("&nbsp;".utf8))
    }

    /// The index just after the `>` closing the tag (or comment) starting at `start`;
    /// quoted attribute values may hold `>`.
    static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        if starts(bytes, at: start, with: "<!--") {
            var j = start + 4
            while j + 2 < bytes.count, !(bytes[j] == UInt8(ascii: "-") && bytes[j + 1] == UInt8(ascii: "-") && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
            return min(bytes.count, j + 3)
        }
        var j = start + 1
        var quote: UInt8 = 0
        while j < bytes.count {
            let b = bytes[j]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return j + 1
            }
            j += 1
        }
        return bytes.count
    }

    /// Lower-case element name of the tag, and whether it is a closing tag.
    static func tagName(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> ([UInt8], Bool) {
        var j = start + 1
        let closing = j < end && bytes[j] == UInt8(ascii: "/")
        if closing { j += 1 }
        var name: [UInt8] = []
        while j < end {
            let b = bytes[j]
            guard (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || isDigit(b) else { break }
            name.append(b | 0x20)
            j += 1
        }
        return (name, closing)
    }
}
