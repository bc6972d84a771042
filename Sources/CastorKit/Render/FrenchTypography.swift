/// French typography on finished HTML pages: no-break spaces before `; : ! ?`, inside « »,
/// between a number and its unit, and in numbers written in groups (`120 000`).
///
/// Only text between tags changes: tags and their attribute values, and the content of
/// `code`, `pre`, `kbd`, `samp`, `script`, `style` and `textarea` are copied untouched.
/// An existing space is replaced, never doubled; character references stay as they are.
///
/// One pass over the UTF-8 bytes, no allocation but the output: only three bytes can start a
/// change (`<`, the space, and 0xC2, the lead byte of « and »), every other byte is copied in
/// runs. The rules were first written byte by byte (kept in the tests as
/// `FrenchTypographyReference`, which `FrenchTypographyEquivalenceTests` compares with this on
/// every page of the fixture and of `content/`, and on random texts).
public enum FrenchTypography {
    static let narrowNoBreak: (UInt8, UInt8, UInt8) = (0xE2, 0x80, 0xAF)  // U+202F: before ; ! ? and inside « »
    static let noBreak: (UInt8, UInt8) = (0xC2, 0xA0)  // U+00A0: before : and before units
    static let skippedElements: [[UInt8]] = ["code", "pre", "kbd", "samp", "script", "style", "textarea"].map { Array($0.utf8) }
    static let units: [[UInt8]] = ["€", "%", "‰", "km", "m²", "m2", "m³", "ha", "kg", "kWh", "h", "min", "ans", "jours", "mois", "logements", "places", "personnes"]
        .map { Array($0.utf8) }

    public static func apply(_ html: String) -> String {
        guard !html.isEmpty else { return html }
        var html = html
        return html.withUTF8 { input -> String in
            // A space becomes at most 3 bytes, « or » (2 bytes) at most 5: 3 × the input is enough.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: input.count * 3) { buffer -> String in
                var writer = Writer(base: buffer.baseAddress!)
                run(Reader(base: input.baseAddress!, count: input.count), into: &writer)
                return String(decoding: UnsafeBufferPointer(start: buffer.baseAddress!, count: writer.count), as: UTF8.self)
            }
        }
    }

    struct Reader {
        let base: UnsafePointer<UInt8>
        let count: Int

        @inline(__always) subscript(_ index: Int) -> UInt8 { base[index] }
        /// The byte at `index`, 0 past the end.
        @inline(__always) func at(_ index: Int) -> UInt8 { index < count ? base[index] : 0 }
    }

    struct Writer {
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        @inline(__always) mutating func append(_ byte: UInt8) {
            base[count] = byte
            count += 1
        }
        @inline(__always) mutating func append(_ input: Reader, from start: Int, to end: Int) {
            (base + count).initialize(from: input.base + start, count: end - start)
            count += end - start
        }
        @inline(__always) mutating func appendNarrowNoBreak() {
            append(narrowNoBreak.0)
            append(narrowNoBreak.1)
            append(narrowNoBreak.2)
        }
        @inline(__always) mutating func appendNoBreak() {
            append(noBreak.0)
            append(noBreak.1)
        }
        /// The `back`-th byte from the end (1 = last), 0 when there is none.
        @inline(__always) func last(_ back: Int = 1) -> UInt8 { count >= back ? base[count - back] : 0 }

        /// Whether the output ends with U+00A0, U+202F or `&nbsp;`.
        func endsWithNoBreak() -> Bool {
            if last(2) == 0xC2 && last() == 0xA0 { return true }
            if last(3) == 0xE2 && last(2) == 0x80 && last() == 0xAF { return true }
            guard count >= 6 else { return false }
            let nbsp: StaticString = "&nbsp;"
            for k in 0..<6 where base[count - 6 + k] != nbsp.utf8Start[k] { return false }
            return true
        }
    }

    static func run(_ input: Reader, into out: inout Writer) {
        var i = 0
        var skipped = -1  // index in skippedElements while inside code, pre…
        let n = input.count
        while i < n {
            let byte = input[i]
            if byte == UInt8(ascii: "<") {
                let end = tagEnd(input, from: i)
                let (element, closing) = skippedElement(input, from: i, to: end)
                if skipped >= 0 {
                    if closing && element == skipped { skipped = -1 }
                } else if !closing, element >= 0 {
                    skipped = element
                }
                out.append(input, from: i, to: end)
                i = end
                continue
            }
            if skipped >= 0 {
                var j = i + 1
                while j < n, input[j] != UInt8(ascii: "<") { j += 1 }
                out.append(input, from: i, to: j)
                i = j
                continue
            }
            if byte == 0x20 {
                space(input, at: i, into: &out)
                i += 1
                continue
            }
            if byte == 0xC2 {
                i = guillemet(input, at: i, into: &out)
                continue
            }
            // A run of bytes none of the rules starts on.
            var j = i + 1
            while j < n {
                let b = input[j]
                if b == UInt8(ascii: "<") || b == 0x20 || b == 0xC2 { break }
                j += 1
            }
            out.append(input, from: i, to: j)
            i = j
        }
    }

    /// The space at `i`: a no-break space before ; ! ? : or », after «, between groups of three
    /// digits and between a number and its unit; else itself.
    @inline(__always)
    static func space(_ input: Reader, at i: Int, into out: inout Writer) {
        let next = input.at(i + 1)
        switch next {
        case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"):
            if endsPunctuation(input, at: i + 1) { return out.appendNarrowNoBreak() }
        case UInt8(ascii: ":"):
            if endsPunctuation(input, at: i + 1) { return out.appendNoBreak() }
        case 0xC2:
            if input.at(i + 2) == 0xBB { return out.appendNarrowNoBreak() }  // before »
        default:
            break
        }
        if out.last(2) == 0xC2 && out.last() == 0xAB { return out.appendNarrowNoBreak() }  // after «
        if out.count > 0, isDigit(out.last()) {
            if isDigit(next), threeDigits(input, at: i + 1) { return out.appendNarrowNoBreak() }
            if units.contains(where: { unitFollows(input, at: i + 1, unit: $0) }) { return out.appendNoBreak() }
        }
        out.append(0x20)
    }

    /// The byte 0xC2 at `i`: « directly followed by a letter, or » directly after a letter, get
    /// their no-break space. Returns the next index.
    @inline(__always)
    static func guillemet(_ input: Reader, at i: Int, into out: inout Writer) -> Int {
        let second = input.at(i + 1)
        if second == 0xAB, i + 2 < input.count, input[i + 2] != 0x20, !startsWithNoBreak(input, at: i + 2) {
            out.append(0xC2)
            out.append(0xAB)
            out.appendNarrowNoBreak()
            return i + 2
        }
        if second == 0xBB, out.count > 0 {
            let last = out.last()
            if last != 0x20, last != UInt8(ascii: ">"), !out.endsWithNoBreak() {
                out.appendNarrowNoBreak()
                out.append(0xC2)
                out.append(0xBB)
                return i + 2
            }
        }
        out.append(0xC2)
        return i + 1
    }

    /// Whether the punctuation at `index` ends a phrase (followed by a space, a tag, a quote or the end),
    /// so `9 :30` or ` :)` style fragments are left alone.
    static func endsPunctuation(_ input: Reader, at index: Int) -> Bool {
        var j = index + 1
        let mark = input[index]
        if mark != UInt8(ascii: ":") {
            while j < input.count, input[j] == mark { j += 1 }  // « ?! », « !! »
        }
        guard j < input.count else { return true }
        let b = input[j]
        return b == 0x20 || b == 0x0A || b == UInt8(ascii: "<") || b == 0xC2 || b == 0xE2
            || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func threeDigits(_ input: Reader, at index: Int) -> Bool {
        guard index + 2 < input.count, isDigit(input[index]), isDigit(input[index + 1]), isDigit(input[index + 2]) else { return false }
        return index + 3 >= input.count || !isDigit(input[index + 3])
    }

    static func unitFollows(_ input: Reader, at index: Int, unit: [UInt8]) -> Bool {
        guard index + unit.count <= input.count else { return false }
        for k in 0..<unit.count where input[index + k] != unit[k] { return false }
        let after = index + unit.count
        guard after < input.count else { return true }
        let b = input[after]
        // The unit must end there: not « h » of « habitants ».
        return !((b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || isDigit(b) || (b >= 0xC3 && b <= 0xC5))
    }

    /// Whether U+00A0, U+202F or `&nbsp;` starts at `index`.
    static func startsWithNoBreak(_ input: Reader, at index: Int) -> Bool {
        let b = input.at(index)
        if b == 0xC2 { return input.at(index + 1) == 0xA0 }
        if b == 0xE2 { return input.at(index + 1) == 0x80 && input.at(index + 2) == 0xAF }
        guard b == UInt8(ascii: "&"), index + 6 <= input.count else { return false }
        let nbsp: StaticString = "&nbsp;"
        for k in 1..<6 where input[index + k] != nbsp.utf8Start[k] { return false }
        return true
    }

    /// The index just after the `>` closing the tag (or comment) starting at `start`;
    /// quoted attribute values may hold `>`.
    static func tagEnd(_ input: Reader, from start: Int) -> Int {
        let n = input.count
        if input.at(start + 1) == UInt8(ascii: "!"), input.at(start + 2) == UInt8(ascii: "-"), input.at(start + 3) == UInt8(ascii: "-") {
            var j = start + 4
            while j + 2 < n, !(input[j] == UInt8(ascii: "-") && input[j + 1] == UInt8(ascii: "-") && input[j + 2] == UInt8(ascii: ">")) { j += 1 }
            return min(n, j + 3)
        }
        var j = start + 1
        var quote: UInt8 = 0
        while j < n {
            let b = input[j]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return j + 1
            }
            j += 1
        }
        return n
    }

    /// The index in `skippedElements` of the tag's element name (ASCII letters and digits, any
    /// case), -1 for any other element; and whether it is a closing tag.
    static func skippedElement(_ input: Reader, from start: Int, to end: Int) -> (Int, Bool) {
        var j = start + 1
        let closing = j < end && input[j] == UInt8(ascii: "/")
        if closing { j += 1 }
        let nameStart = j
        while j < end {
            let b = input[j]
            guard (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || isDigit(b) else { break }
            j += 1
        }
        let length = j - nameStart
        guard length >= 3, length <= 8 else { return (-1, closing) }
        candidates: for (index, name) in skippedElements.enumerated() where name.count == length {
            for k in 0..<length where input[nameStart + k] | 0x20 != name[k] { continue candidates }
            return (index, closing)
        }
        return (-1, closing)
    }
}
