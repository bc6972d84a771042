import Foundation

/// Turns French text into search terms. The same steps run in the browser
/// (`templates/assets/recherche-moteur.js`); `Tests/CastorKitTests/Fixtures/stemming.tsv` pins both
/// to the same output.
///
/// 1. Fold: Unicode canonical decomposition, combining marks (U+0300–U+036F) dropped,
///    lower-cased, then « œ » → `oe`, « æ » → `ae`, « ß » → `ss`.
/// 2. Split on anything but `a-z` and `0-9`: apostrophes and hyphens separate words, so
///    « l'habitat » gives `l` and `habitat`.
/// 3. Drop one-character words and stop words (`stopWords`, folded).
/// 4. Stem with `stem(_:)`, a light suffix-stripping stemmer (see there).
public enum FrenchAnalyzer {
    /// Folded French function words, never indexed.
    public static let stopWords: Set<String> = [
        "au", "aux", "avec", "ce", "ces", "cet", "cette", "ci", "comme", "dans", "de", "des", "du", "elle",
        "elles", "en", "entre", "est", "et", "etc", "eu", "il", "ils", "je", "la", "le", "les", "leur", "leurs",
        "lui", "ma", "mais", "me", "mes", "moi", "mon", "ne", "ni", "nos", "notre", "nous", "on", "ont", "ou",
        "par", "pas", "peu", "plus", "pour", "qu", "que", "quel", "quelle", "qui", "sa", "sans", "se", "ses",
        "si", "son", "sont", "sous", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre",
        "vous", "ete", "etre", "avoir", "ai", "as", "sera", "ca", "cela", "chez", "dont", "donc", "or", "car",
        "tout", "tous", "toute", "toutes", "aussi", "tres", "vers", "lors", "puis", "ainsi",
    ]

    /// Suffixes of step 2 of `stem(_:)`, longest first: (suffix, replacement). The browser uses
    /// the same list to recognise a word being typed past its stem (`financem` → `financ`).
    public static let suffixes: [(String, String)] = [
        ("atrice", ""), ("ateur", ""), ("ation", ""), ("ement", ""), ("ative", ""), ("atif", ""),
        ("euse", "eu"), ("ere", ""), ("ive", "if"), ("ee", ""), ("er", ""), ("e", ""),
    ]

    /// The folded words of `text`, in order (stop words and one-letter words included).
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        forEachWord(text) { result.append($0) }
        return result
    }

    /// The search terms of `text`: folded, without stop words, stemmed.
    public static func terms(_ text: String) -> [String] {
        var result: [String] = []
        forEachWord(text) { word in
            if let term = term(word) { result.append(term) }
        }
        return result
    }

    /// The term of one folded word, or nil for a stop word or a one-letter word.
    public static func term(_ word: String) -> String? {
        guard word.utf8.count > 1, !stopWords.contains(word) else { return nil }
        return stem(word)
    }

    /// Calls `body` with each folded word of `text`.
    public static func forEachWord(_ text: String, _ body: (String) -> Void) {
        forEachWordBytes(text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the bytes of each folded word of `text` (ASCII letters and digits;
    /// valid only during the call): no string made per word.
    static func forEachWordBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            // The word being read, in a buffer of our own (an array's uniqueness and capacity
            // checks on every byte were much of this loop); it grows if a word ever fills it.
            var capacity = 64
            var word = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            defer { word.deallocate() }
            var length = 0
            func append(_ byte: UInt8) {
                if length == capacity {
                    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                    larger.moveInitialize(from: word, count: length)
                    word.deallocate()
                    word = larger
                    capacity *= 2
                }
                word[length] = byte
                length += 1
            }
            func flush() {
                if length > 0 {
                    body(UnsafeBufferPointer(start: word, count: length))
                    length = 0
                }
            }
            let latinPacked = Self.latinPacked
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    switch byte {
                    case 0x61...0x7A, 0x30...0x39: append(byte)
                    case 0x41...0x5A: append(byte + 0x20)
                    default: flush()
                    }
                    index += 1
                    continue
                }
                // Decode one scalar of valid UTF-8 (Swift strings always are).
                var value: UInt32
                var scalarLength: Int
                if byte < 0xE0 {
                    value = UInt32(byte & 0x1F)
                    scalarLength = 2
                } else if byte < 0xF0 {
                    value = UInt32(byte & 0x0F)
                    scalarLength = 3
                } else {
                    value = UInt32(byte & 0x07)
                    scalarLength = 4
                }
                for offset in 1..<scalarLength where index + offset < count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                index += scalarLength
                // Latin letters: their fold packed in one integer (no array per letter).
                if value < UInt32(latinPacked.count) {
                    let packed = latinPacked[Int(value)]
                    if packed != unpacked {
                        let parts = packed >> 24
                        if parts == 0 { flush() }
                        for shift in stride(from: 0, to: 8 * parts, by: 8) {
                            let part = UInt8(truncatingIfNeeded: packed >> shift)
                            if part == 0 { flush() } else { append(part) }
                        }
                        continue
                    }
                }
                let folded = Unicode.Scalar(value).map(fold) ?? []
                if folded.isEmpty {
                    flush()
                    continue
                }
                // A folded scalar may hold separators itself.
                for part in folded {
                    if part == 0 { flush() } else { append(part) }
                }
            }
            flush()
        }
    }

    /// `latinTable` packed: the fold's bytes from the low byte up, their count in the high byte;
    /// `unpacked` for a fold of more than 3 bytes (read from `latinTable`).
    static let latinPacked: [UInt32] = latinTable.map { folded in
        guard folded.count <= 3 else { return unpacked }
        var packed = UInt32(folded.count) << 24
        for (offset, part) in folded.enumerated() { packed |= UInt32(part) << (8 * offset) }
        return packed
    }
    static let unpacked = UInt32.max

    /// ASCII letters and digits of one folded non-ASCII scalar; 0 marks a separator; empty
    /// when the whole scalar is a separator (or a combining mark, which is dropped).
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        let value = scalar.value
        if value < UInt32(latinTable.count) { return latinTable[Int(value)] }
        if (0x300...0x36F).contains(value) { return [] }
        if (0x2000...0x206F).contains(value) { return [] }
        return computeFold(scalar)
    }

    /// Precomputed folds for U+0000–U+024F (Latin-1 and Latin Extended-A and B).
    static let latinTable: [[UInt8]] = (0..<0x250).map { value in
        guard let scalar = Unicode.Scalar(value) else { return [] }
        return computeFold(scalar)
    }

    static func computeFold(_ scalar: Unicode.Scalar) -> [UInt8] {
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        var kept = String.UnicodeScalarView()
        for part in decomposed.unicodeScalars where !(0x300...0x36F).contains(part.value) { kept.append(part) }
        var lower = String(kept).lowercased()
        lower = lower.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
            .replacingOccurrences(of: "ß", with: "ss")
        // Anything but a-z and 0-9 separates words.
        let bytes = lower.utf8.map { isWordByte($0) ? $0 : 0 }
        return bytes.allSatisfy { $0 == 0 } ? [] : bytes
    }

    static func isWordByte(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }

    /// A light French stemmer on folded words (after the Savoy light stemmer, reduced and
    /// made conservative). Words with a digit and words of 3 letters or fewer are unchanged.
    ///
    /// 1. Plural: `-eaux` → `-eau`, `-aux` → `-al`, `-x` → `` (5 letters or more);
    ///    `-s` → `` unless `-ss` (4 letters or more).
    /// 2. The longest matching suffix of `suffixes` is replaced, only if at least 4 letters
    ///    remain before it: `financement`, `financer` → `financ`; `cooperative`,
    ///    `cooperation` → `cooper`; `logement` stays (`log` would be too short).
    /// 3. A final doubled letter is undoubled (5 letters or more): `naturell` → `naturel`.
    public static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        return stem(&w) ? String(decoding: w, as: UTF8.self) : word
    }

    /// `stem(_:)` on bytes, in place; false when the word is unchanged.
    static func stem(_ w: inout [UInt8]) -> Bool {
        let original = w.count
        if w.count <= 3 || w.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return false }
        func ends(_ suffix: [UInt8]) -> Bool {
            guard w.count >= suffix.count else { return false }
            var i = w.count - suffix.count
            for byte in suffix {
                if w[i] != byte { return false }
                i += 1
            }
            return true
        }
        var changed = false
        // 1. Plural.
        if w.count >= 5 && ends(eaux) {
            w.removeLast()
            changed = true
        } else if w.count >= 5 && ends(aux) {
            w.removeLast()
            w[w.count - 1] = UInt8(ascii: "l")
            changed = true
        } else if w.count >= 5 && w[w.count - 1] == UInt8(ascii: "x") {
            w.removeLast()
            changed = true
        } else if w.count >= 4 && w[w.count - 1] == UInt8(ascii: "s") && w[w.count - 2] != UInt8(ascii: "s") {
            w.removeLast()
            changed = true
        }
        // 2. One suffix, the longest that matches.
        for (suffix, replacement) in suffixBytes where ends(suffix) {
            if w.count - suffix.count >= 4 {
                w.removeLast(suffix.count)
                w += replacement
                changed = true
            }
            break
        }
        // 3. Undouble.
        if w.count >= 5, w[w.count - 1] == w[w.count - 2] {
            w.removeLast()
            changed = true
        }
        return changed || w.count != original
    }

    static let eaux = Array("eaux".utf8)
    static let aux = Array("aux".utf8)
    static let suffixBytes = suffixes.map { (Array($0.0.utf8), Array($0.1.utf8)) }
}
