import Foundation

/// Content files are published as they are, at the site's own address: a page, a script or an
/// SVG image with code would run with the rights of the site (and of the sites that embed its
/// agenda). Such files belong to `templates/assets/`, which the technical team looks after.
public enum ActiveContent {
    /// Extensions of files a browser runs or renders as a page.
    static let refusedExtensions: [String: String] = {
        let page = "une page HTML (.%@) publiée telle quelle"
        let script = "un script JavaScript (.%@) publié tel quel"
        return [
            "html": page, "htm": page, "xhtml": page, "xht": page, "shtml": page, "js": script, "mjs": script,
            "svgz": "une image SVG compressée (.%@), qui peut contenir du code, publiée telle quelle",
        ]
    }()

    /// The error for a content file (path under the content folder) that holds active content.
    public static func problem(_ path: String, contentRoot: String, shown: String) -> Diagnostic? {
        let ext = (path as NSString).pathExtension.lowercased()
        let start = SourcePosition(line: 1, column: 1)
        if let kind = refusedExtensions[ext] {
            return .error(
                shown, start, "fichier refusé : " + kind.replacingOccurrences(of: "%@", with: ext) + " pourrait exécuter du code sur le site",
                hint: "écrivez le texte en Markdown (.md) ; pour une pièce à télécharger, mettez-la dans une archive .zip ou en PDF ; les scripts et la mise en page vont dans templates/assets/ (équipe technique)")
        }
        guard ext == "svg", let bytes = try? FileIO.read(contentRoot + "/" + path) else { return nil }
        guard let found = activeSVG(String(decoding: bytes, as: UTF8.self)) else { return nil }
        return .error(
            shown, start, "image SVG refusée : elle contient du code qui s'exécuterait sur le site (\(found))",
            hint: "exportez l'image sans script (ou en PNG) ; une image SVG avec du code va dans templates/assets/ (équipe technique)")
    }

    /// What makes an SVG text active, or nil: a script, an event handler (`onload=`), a
    /// `javascript:` address or an embedded frame. Character references are decoded first.
    static func activeSVG(_ text: String) -> String? {
        let decoded = decodeReferences(text).lowercased()
        for tag in ["script", "iframe", "embed", "object", "handler"] where decoded.contains("<" + tag) {
            return "élément <\(tag)>"
        }
        if decoded.range(of: #"[\s"'/;]on[a-z]+\s*="#, options: .regularExpression) != nil {
            return "attribut d'événement on…="
        }
        // Browsers skip spaces and control characters inside an address.
        let squeezed = String(decoded.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init))
        if squeezed.contains("javascript:") || squeezed.contains("vbscript:") { return "adresse javascript:" }
        return nil
    }

    /// `&#106;`, `&#x6A;` and the five named XML references, replaced by their characters
    /// (also used by the link check on generated pages).
    static func decodeReferences(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            let end = rest.prefix(12).firstIndex(of: ";")
            let name = end.map { rest[rest.index(after: rest.startIndex)..<$0].lowercased() } ?? ""
            var replacement: Character?
            switch name {
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "amp": replacement = "&"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if name.hasPrefix("#x"), let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                    replacement = Character(scalar)
                } else if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
                    replacement = Character(scalar)
                }
            }
            if let replacement, let end {
                result.append(replacement)
                rest = rest[rest.index(after: end)...]
            } else {
                result.append("&")
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }
}
