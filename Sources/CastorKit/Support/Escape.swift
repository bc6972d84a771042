/// Escaping for the places Castor writes text outside Mustache (feeds, sitemap, attributes).
public enum Escape {
    /// Escapes `& < > " '` for HTML and XML text and attribute values, and drops the control
    /// characters XML 1.0 forbids. Works on bytes: this runs for every value of every page.
    public static func xml(_ text: String) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes -> String in
            let clean = !bytes.contains { byte in
                byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
                    || (byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D)
            }
            // Nothing to escape (most texts): the text itself, not a copy made from its bytes.
            if clean { return text }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            for byte in bytes { appendXML(byte, to: &output) }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// One byte of UTF-8 text as `xml` writes it: `& < > " '` escaped, the control characters
    /// XML 1.0 forbids dropped (shared with the editable documents' text, `ODTMarkdown`).
    @inline(__always)
    static func appendXML(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case 0x26: output.append(contentsOf: "&amp;".utf8)
        case 0x3C: output.append(contentsOf: "&lt;".utf8)
        case 0x3E: output.append(contentsOf: "&gt;".utf8)
        case 0x22: output.append(contentsOf: "&quot;".utf8)
        case 0x27: output.append(contentsOf: "&#39;".utf8)
        case 0x0A, 0x09, 0x0D: output.append(byte)
        case ..<0x20: return
        default: output.append(byte)
        }
    }

    /// Makes JSON text (from `JSONEncoder`) safe to write as a literal inside JavaScript,
    /// in a `.js` file or an HTML `<script>`: `<`, `>` and `&` become `\u003c`, `\u003e`,
    /// `\u0026` (no `</script>` nor `<!--` can close or alter the script), and the line
    /// separators U+2028 and U+2029 become escapes (older engines end a line there). These
    /// characters can only be inside JSON strings, where the escapes mean the same text.
    public static func scriptJSON(_ json: String) -> String {
        var output = ""
        output.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            if let escaped = scriptEscape(scalar) {
                output += escaped
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// The escape of a character that must not appear as itself in a script's string literal
    /// (`<`, `>`, `&`, U+2028, U+2029), or nil. Shared by every JSON Castor writes into scripts.
    static func scriptEscape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "<": return "\\u003c"
        case ">": return "\\u003e"
        case "&": return "\\u0026"
        case "\u{2028}": return "\\u2028"
        case "\u{2029}": return "\\u2029"
        default: return nil
        }
    }

    /// Percent-encodes a path segment (file names with spaces or accents).
    public static func urlPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

import Foundation
