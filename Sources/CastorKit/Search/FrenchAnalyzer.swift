import Foundation

/// Turns French text into search terms. The same steps run in the browser
/// (`templates/assets/recherche.js`); `Tests/CastorKitTests/Fixtures/stemming.tsv` pins both
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
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func flush() {
            if !word.isEmpty {
                body(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x61...0x7A, 0x30...0x39: word.append(byte)
                case 0x41...0x5A: word.append(byte + 0x20)
                default: flush()
                }
                continue
            }
            let folded = fold(scalar)
            if folded.isEmpty {
                flush()
                continue
            }
            // A folded scalar may hold separators itself (« İ » → `i` + a dot above).
            for byte in folded {
                if byte == 0 { flush() } else { word.append(byte) }
            }
        }
        flush()
    }

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
        if w.count <= 3 || w.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return word }
        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.utf8)
            return w.count >= s.count && Array(w[(w.count - s.count)...]) == s
        }
        // 1. Plural.
        if w.count >= 5 && ends("eaux") {
            w.removeLast()
        } else if w.count >= 5 && ends("aux") {
            w.removeLast(3)
            w += Array("al".utf8)
        } else if w.count >= 5 && ends("x") {
            w.removeLast()
        } else if w.count >= 4 && ends("s") && !ends("ss") {
            w.removeLast()
        }
        // 2. One suffix, the longest that matches.
        for (suffix, replacement) in suffixes where ends(suffix) {
            let rest = w.count - suffix.utf8.count
            if rest >= 4 {
                w.removeLast(suffix.utf8.count)
                w += Array(replacement.utf8)
            }
            break
        }
        // 3. Undouble.
        if w.count >= 5, w[w.count - 1] == w[w.count - 2] { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }
}
