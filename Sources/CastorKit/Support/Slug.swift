/// Builds URL-safe identifiers from French text: « Décision par consentement » → `decision-par-consentement`.
public enum Slug {
    /// Lower-cases, folds accents and ligatures, keeps ASCII letters and digits, joins with `-`.
    /// ASCII scalars (most of a French heading) are taken as they are, without `fold`'s string.
    public static func make(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func add(_ byte: UInt8) {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                if pendingDash && !result.isEmpty { result.append(0x2D) }
                pendingDash = false
                result.append(byte)
            } else {
                pendingDash = true
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                add(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else {
                for character in fold(scalar).unicodeScalars {
                    if character.isASCII { add(UInt8(character.value)) } else { pendingDash = true }
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The file name of a new item made from its title, by `castor new` and by the web editor
    /// alike: Decap CMS, with the `slug` settings of `admin/config.yml` (`encoding: ascii`,
    /// `clean_accents: true`, `sanitize_replacement: "-"`), first lower-cases the title, drops
    /// straight apostrophes and turns periods into dashes, then folds accents and replaces
    /// every other character by a dash (« SCI d'attribution » → `sci-dattribution`). Decap
    /// keeps `_` and `~`, which Castor's names refuse: the editor's title field refuses them
    /// (`DecapConfig`), so both give the same name for every title the editor accepts.
    public static func fromTitle(_ title: String) -> String {
        make(title.lowercased().replacingOccurrences(of: "'", with: "").replacingOccurrences(of: ".", with: "-"))
    }

    /// A lower-case ASCII rendering of one scalar (« É » → "e", « œ » → "oe"), as the
    /// `diacritics` table Decap CMS uses for the letters without a canonical decomposition.
    static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "œ", "Œ": return "oe"
        case "æ", "Æ": return "ae"
        case "ß": return "ss"
        case "ø", "Ø": return "o"
        case "ł", "Ł", "ŀ", "Ŀ": return "l"
        case "đ", "Đ": return "d"
        case "ð", "Ð": return "dh"
        case "þ", "Þ": return "th"
        case "ı": return "i"
        case "\u{FB00}": return "ff"
        case "\u{FB01}": return "fi"
        case "\u{FB02}": return "fl"
        case "\u{FB03}": return "ffi"
        case "\u{FB04}": return "ffl"
        default: break
        }
        if scalar.isASCII { return String(scalar).lowercased() }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let base = decomposed.first, base.isASCII else { return " " }
        return String(base).lowercased()
    }
}

import Foundation
