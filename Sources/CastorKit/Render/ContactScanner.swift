/// Finds e-mail addresses and phone numbers in text, the way people write them: the one
/// scanner behind every mask (`ContactMask`) and the search text (`SearchText`).
///
/// Recognised:
/// - e-mail addresses, `@` also written `%40` (in a web address's query string);
/// - French numbers: `06 12 34 56 78` in five pairs separated by a space, a tab, a no-break or
///   narrow no-break space, a dot, a hyphen or a slash (every pair separated), or ten digits
///   in a row `0612345678`;
/// - international numbers: `+` or `00`, a known country code (`+33`, `+32`, `+41`…), an
///   optional `(0)`, then 8 to 12 digits in groups (`+33 6 12 34 56 78`, `+33 (0)6 …`,
///   `0033 6 …`, `+32 470 12 34 56`, `+41 22 123 45 67`, `+33612345678`).
///
/// Deliberately not recognised, so ordinary numbers stay as written: dates (`12/06/2027`,
/// `01/06/2027 10:30`), prices (`120 000 €`), years, times, numbers glued to a letter, a
/// digit or a `/` (web addresses' paths, SIRET-like identifiers), longer runs of digits.
public enum ContactScanner {
    public enum Kind: String, Sendable {
        case email
        case phone
    }

    public struct Match: Sendable, Equatable {
        /// Byte offsets in the UTF-8 text.
        public let range: Range<Int>
        public let kind: Kind
    }

    /// Every contact in `text`, in order, without overlaps.
    public static func matches(in text: String) -> [Match] {
        var text = text
        return text.withUTF8 { matches(in: $0) }
    }

    /// Whether `text` holds an e-mail address or a phone number.
    public static func containsContact(_ text: String) -> Bool {
        !matches(in: text).isEmpty
    }

    public static func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        var result: [Match] = []
        var index = 0
        var taken = 0  // end of the last match: a new phone may not start before it
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "@") || (byte == UInt8(ascii: "%") && isPercent40(bytes, at: index)),
                let range = emailRange(bytes, at: index, atLength: byte == UInt8(ascii: "@") ? 1 : 3)
            {
                // An address wins over a number it contains (`0612345678@exemple.org`).
                while let last = result.last, last.range.upperBound > range.lowerBound { result.removeLast() }
                result.append(Match(range: range, kind: .email))
                index = range.upperBound
                taken = index
            } else if index >= taken, byte == UInt8(ascii: "0") || byte == UInt8(ascii: "+"), let end = phoneEnd(bytes, from: index) {
                result.append(Match(range: index..<end, kind: .phone))
                index = end
                taken = end
            } else {
                index += 1
            }
        }
        return result
    }

    // MARK: - E-mail addresses

    static func isPercent40(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "4") && bytes[index + 2] == UInt8(ascii: "0")
    }

    static func isLocalByte(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// The address around the `@` (or `%40`) at `at`: a local part before it, a domain with
    /// at least one dot and a top-level domain of two letters or more after it.
    static func emailRange(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, atLength: Int) -> Range<Int>? {
        var start = at
        while start > 0 {
            if isLocalByte(bytes[start - 1]) {
                start -= 1
            } else if start > 1, isAccentedLetter(bytes, at: start - 2) {
                start -= 2
            } else {
                break
            }
        }
        while start < at, bytes[start] == UInt8(ascii: ".") { start += 1 }
        let domainStart = at + atLength
        var end = domainStart
        while end < bytes.count {
            if isAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".") {
                end += 1
            } else if isAccentedLetter(bytes, at: end) {
                end += 2
            } else {
                break
            }
        }
        while end > domainStart, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
        guard start < at, end > domainStart else { return nil }
        var lastDot = end - 1
        while lastDot > domainStart, bytes[lastDot] != UInt8(ascii: ".") { lastDot -= 1 }
        guard bytes[lastDot] == UInt8(ascii: "."), lastDot > domainStart, end - lastDot > 2 else { return nil }
        for i in (lastDot + 1)..<end where !isLetter(bytes[i]) { return nil }
        return start..<end
    }

    /// A Latin letter with an accent (`é`, `à`, `ç`, `œ`…: U+00C0–U+017F) at `i`, in an address
    /// such as `rené@écolieu.fr`; no-break spaces and punctuation are not letters.
    static func isAccentedLetter(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 1 < bytes.count, (0xC3...0xC5).contains(bytes[i]), (0x80...0xBF).contains(bytes[i + 1]) else { return false }
        return !(bytes[i] == 0xC3 && (bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7))  // × ÷
    }

    // MARK: - Phone numbers

    /// Country codes after `+` or `00`: Europe, North America, the French-speaking world and
    /// the French overseas territories. An unknown code is not taken for a phone number.
    static let countryCodes: Set<String> = [
        "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48",
        "49", "212", "213", "216", "221", "222", "223", "224", "225", "226", "227", "228", "229", "230", "235", "236",
        "237", "241", "242", "243", "250", "253", "257", "261", "262", "269", "351", "352", "353", "376", "377", "508",
        "509", "590", "594", "596", "681", "687", "689",
    ]

    /// The length of the separator at `i` (0 if none): a space, a tab, a dot, a hyphen, a
    /// slash, a no-break space (U+00A0), a narrow no-break space (U+202F), a thin space
    /// (U+2009) or a figure space (U+2007).
    static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        switch bytes[i] {
        case 0x20, 0x09, UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/"): return 1
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            guard i + 2 < bytes.count, bytes[i + 1] == 0x80 else { return 0 }
            return [0xAF, 0x89, 0x87].contains(bytes[i + 2]) ? 3 : 0
        default: return 0
        }
    }

    /// The end of the phone number starting at `start` (a `0` or a `+`), or nil.
    static func phoneEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        func digit(_ i: Int) -> Bool { i < bytes.count && isDigit(bytes[i]) }
        // Not inside a word, a number, a path or a date.
        if start > 0 {
            let previous = bytes[start - 1]
            if isAlphanumeric(previous) || previous == UInt8(ascii: "/") || previous == UInt8(ascii: "+")
                || previous == UInt8(ascii: "_")
            {
                return nil
            }
            if [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: ",")].contains(previous), start > 1, isDigit(bytes[start - 2]) {
                return nil
            }
        }
        let end: Int?
        if bytes[start] == UInt8(ascii: "+") {
            end = international(bytes, codeAt: start + 1)
        } else if digit(start + 1), bytes[start + 1] == UInt8(ascii: "0") {
            end = international(bytes, codeAt: start + 2)
        } else {
            end = national(bytes, from: start)
        }
        guard let end else { return nil }
        // Not glued to a letter or a digit after it.
        if end < bytes.count, isAlphanumeric(bytes[end]) { return nil }
        return end
    }

    /// `0X XX XX XX XX` (every pair separated) or `0XXXXXXXXX`.
    static func national(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        func digit(_ i: Int) -> Bool { i < bytes.count && isDigit(bytes[i]) }
        guard digit(start + 1), bytes[start + 1] != UInt8(ascii: "0") else { return nil }
        if (2..<10).allSatisfy({ digit(start + $0) }) {
            return digit(start + 10) ? nil : start + 10
        }
        var i = start + 2
        for _ in 0..<4 {
            let separator = separatorLength(bytes, at: i)
            guard separator > 0, digit(i + separator), digit(i + separator + 1) else { return nil }
            i += separator + 2
        }
        // A separator then more digits: a longer number (a date and a time, a list of numbers).
        let separator = separatorLength(bytes, at: i)
        if digit(i) || (separator > 0 && bytes[i] != 0x20 && digit(i + separator)) { return nil }
        return i
    }

    /// After `+` or `00`: a known country code, an optional separator, an optional `(0)`, then
    /// 8 to 12 digits (the first not 0) in groups separated by single separators.
    static func international(_ bytes: UnsafeBufferPointer<UInt8>, codeAt codeStart: Int) -> Int? {
        func digit(_ i: Int) -> Bool { i < bytes.count && isDigit(bytes[i]) }
        var codeLength = 0
        for length in [3, 2, 1] where (0..<length).allSatisfy({ digit(codeStart + $0) }) {
            let code = String(decoding: UnsafeBufferPointer(rebasing: bytes[codeStart..<(codeStart + length)]), as: UTF8.self)
            if countryCodes.contains(code) {
                codeLength = length
                break
            }
        }
        guard codeLength > 0 else { return nil }
        var i = codeStart + codeLength
        i += separatorLength(bytes, at: i)
        if i + 2 < bytes.count, bytes[i] == UInt8(ascii: "("), bytes[i + 1] == UInt8(ascii: "0"), bytes[i + 2] == UInt8(ascii: ")") {
            i += 3
            i += separatorLength(bytes, at: i)
        }
        guard digit(i), bytes[i] != UInt8(ascii: "0") else { return nil }
        var count = 0
        var end = i
        while true {
            var groupEnd = i
            while digit(groupEnd) { groupEnd += 1 }
            if count + (groupEnd - i) > 12 { break }
            count += groupEnd - i
            end = groupEnd
            let separator = separatorLength(bytes, at: end)
            guard separator > 0, digit(end + separator) else { break }
            i = end + separator
        }
        return (8...12).contains(count) ? end : nil
    }
}
