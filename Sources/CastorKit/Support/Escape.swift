/// Escaping for the places Castor writes text outside Mustache (feeds, sitemap, attributes).
public enum Escape {
    /// Escapes `& < > " '` for HTML and XML text and attribute values.
    public static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters are not allowed in XML 1.0.
                if character.value < 0x20 && character != "\n" && character != "\t" && character != "\r" {
                    continue
                }
                out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Percent-encodes a path segment (file names with spaces or accents).
    public static func urlPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

import Foundation
