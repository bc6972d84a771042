import Foundation

/// Gives every relative link of a rendered body its full address in `data-adresse`, which the
/// print stylesheet writes after the link (a printed page has no relative addresses).
public enum PrintAddresses {
    public static func add(_ html: String, pageURL: String, baseURL: String) -> String {
        guard TextReplace.contains(html, "<a href=\"") else { return html }
        var output = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<a href=\"") {
            output += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            let href = String(rest.prefix { $0 != "\"" })
            guard !href.isEmpty, !href.hasPrefix("#"), !href.hasPrefix("/"), !LinkResolver.hasScheme(href),
                let path = LinkResolver.join(String(pageURL.dropLast()), href)
            else { continue }
            let folder = href.hasSuffix("/") || href.hasSuffix("./") ? "/" : ""
            output += href + "\" data-adresse=\"" + Escape.xml(baseURL + path + (path.isEmpty ? "" : folder))
            rest = rest.dropFirst(href.count)
        }
        output += rest
        return output
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
        let source = String(value).removingPercentEncoding ?? String(value)
        guard !source.contains(":"), !source.hasPrefix("/"),
            let path = LinkResolver.join(String(pageURL.dropLast()), source)
        else { return nil }
        return ImageSize.of(file: contentRoot + "/" + path)
    }
}
