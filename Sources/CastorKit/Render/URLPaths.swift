/// Root-relative page addresses (`guides/statuts/scic/`) and the relative links
/// between them, so the site works under any sub-path and straight from disk.
public enum URLPaths {
    /// The prefix from a page to the site root: `./`, `../`, `../../`.
    public static func root(of pageURL: String) -> String {
        let depth = pageURL.split(separator: "/").count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// The relative link from the page at `pageURL` (a folder address, ending with `/`, or `""`
    /// for the home page) to `target` (root-relative; a folder ends with `/`).
    public static func relative(from pageURL: String, to target: String) -> String {
        let from = pageURL.split(separator: "/")
        var to = target.split(separator: "/", omittingEmptySubsequences: true)
        let targetIsFolder = target.isEmpty || target.hasSuffix("/")
        let fileName = targetIsFolder ? nil : to.popLast()
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        // `..` for each folder left, then the target's remaining folders, each followed by `/`,
        // then the file name: appended to one string (no array of parts joined).
        var result = ""
        result.reserveCapacity(3 * (from.count - common) + target.utf8.count)
        for _ in common..<from.count { result += "../" }
        for part in to[common...] {
            result += part
            result += "/"
        }
        if let fileName { result += fileName }
        return result.isEmpty ? "./" : result
    }

    /// Joins the base URL (ending with `/`) and a root-relative path.
    public static func absolute(_ baseURL: String, _ path: String) -> String {
        baseURL + path
    }

    /// The HTML file that holds a folder address: `guides/` → `guides/index.html`.
    public static func file(for pageURL: String) -> String {
        pageURL + "index.html"
    }
}
