/// Builds URL-safe identifiers from French text: « Décision par consentement » → `decision-par-consentement`.
public enum Slug {
    /// Lower-cases, folds accents and ligatures, keeps ASCII letters and digits, joins with `-`.
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let folded = fold(scalar)
            for character in folded.unicodeScalars {
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

    /// A lower-case ASCII rendering of one scalar (« É » → "e", « œ » → "oe").
    static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "œ", "Œ": return "oe"
        case "æ", "Æ": return "ae"
        case "ß": return "ss"
        default: break
        }
        if scalar.isASCII { return String(scalar).lowercased() }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let base = decomposed.first, base.isASCII else { return " " }
        return String(base).lowercased()
    }
}

import Foundation
