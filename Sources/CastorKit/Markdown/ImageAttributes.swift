import Foundation

/// Gives every relative link of a rendered body its full address in `data-adresse`, which the
/// print stylesheet writes after the link (a printed page has no relative addresses).
public enum PrintAddresses {
    public static func add(_ html: String, pageURL: String, baseURL: String) -> String {
        guard TextReplace.contains(html, "<a href=\"") else { return html }
        // Over the UTF-8 bytes: Foundation's `range(of:)` on every body was 5 % of a build.
        let opening = Array("<a href=\"".utf8)
        let folder = String(pageURL.dropLast())
        var html = html
        return html.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 256)
            var index = 0
            opening.withUnsafeBufferPointer { pattern in
                while let start = TextReplace.firstMatch(bytes, pattern, from: index) {
                    let hrefStart = start + pattern.count
                    output.append(contentsOf: bytes[index..<hrefStart])
                    var hrefEnd = hrefStart
                    while hrefEnd < bytes.count, bytes[hrefEnd] != UInt8(ascii: "\"") { hrefEnd += 1 }
                    index = hrefStart
                    let href = String(decoding: bytes[hrefStart..<hrefEnd], as: UTF8.self)
                    guard !href.isEmpty, !href.hasPrefix("#"), !href.hasPrefix("/"), !LinkResolver.hasScheme(href),
                        let path = LinkResolver.join(folder, href)
                    else { continue }
                    let slash = href.hasSuffix("/") || href.hasSuffix("./") ? "/" : ""
                    output.append(contentsOf: bytes[hrefStart..<hrefEnd])
                    output.append(contentsOf: "\" data-adresse=\"".utf8)
                    output.append(contentsOf: Escape.xml(baseURL + path + (path.isEmpty ? "" : slash)).utf8)
                    index = hrefEnd
                }
            }
            output.append(contentsOf: bytes[index...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}

/// Adds `loading="lazy"`, `decoding="async"` and, for images of the content folder whose
/// size can be read, `width` and `height` to the images of a rendered body.
public enum ImageAttributes {
    /// - Parameters:
    ///   - pageURL: the page the HTML is shown on (root-relative folder address).
    ///   - contentRoot: where content files are read from (the site copies them at the same path).
    public static func add(_ html: String, pageURL: String, contentRoot: String) -> String {
        guard TextReplace.contains(html, "<img ") else { return html }
        var output = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<img ") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.lowerBound...].range(of: " />") else { break }
            let tag = rest[start.lowerBound..<end.lowerBound]
            var attributes = " loading=\"lazy\" decoding=\"async\""
            if let size = size(of: tag, pageURL: pageURL, contentRoot: contentRoot) {
                attributes += " width=\"\(size.width)\" height=\"\(size.height)\""
            }
            output += tag + attributes + " />"
            rest = rest[end.upperBound...]
        }
        output += rest
        return output
    }

    static func size(of tag: Substring, pageURL: String, contentRoot: String) -> (width: Int, height: Int)? {
        guard let srcStart = tag.range(of: "src=\"") else { return nil }
        let value = tag[srcStart.upperBound...].prefix { $0 != "\"" }
        let source = URLPaths.percentDecoded(value)
        guard !source.contains(":"), !source.hasPrefix("/"),
            let path = LinkResolver.join(String(pageURL.dropLast()), source)
        else { return nil }
        return ImageSize.of(file: contentRoot + "/" + path)
    }
}
