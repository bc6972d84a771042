import Foundation

/// Root-relative page addresses (`guides/statuts/scic/`) and the relative links
/// between them, so the site works under any sub-path and straight from disk.
public enum URLPaths {
    /// `text` with its percent escapes decoded, or as it is when one is invalid. Without a `%`
    /// there is nothing to decode and Foundation would give the same text back: it is not asked.
    /// Links are resolved, looked up, checked and scanned for contacts with this one decoding.
    public static func percentDecoded(_ text: some StringProtocol) -> String {
        let text = String(text)
        return text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding ?? text : text
    }

    /// The prefix from a page to the site root: `./`, `../`, `../../`.
    public static func root(of pageURL: String) -> String {
        let depth = pageURL.split(separator: "/").count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// The relative link from the page at `pageURL` (a folder address, ending with `/`, or `""`
    /// for the home page) to `target` (root-relative; a folder ends with `/`).
    public static func relative(from pageURL: String, to target: String) -> String {
        var page = pageURL
        var destination = target
        if let fast = page.withUTF8({ from in destination.withUTF8 { to in asciiRelative(from: from, to: to) } }) { return fast }
        let from = pageURL.split(separator: "/")
        var to = target.split(separator: "/", omittingEmptySubsequences: true)
        let targetIsFolder = target.isEmpty || target.hasSuffix("/")
        let fileName = targetIsFolder ? nil : to.popLast()
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        var parts = Array(repeating: "..", count: from.count - common)
        parts += to[common...].map(String.init)
        var result = parts.joined(separator: "/")
        if let fileName {
            result = result.isEmpty ? String(fileName) : result + "/" + fileName
        } else if !result.isEmpty {
            result += "/"
        }
        return result.isEmpty ? "./" : result
    }

    /// `relative` on ASCII addresses (nil for others), over their bytes: in ASCII a character is
    /// a byte, so the parts split at `/` and compared are the same, without making them. The
    /// result is `../` for each page folder not shared, then each remaining target folder and
    /// `/`, then the file name, if any.
    static func asciiRelative(from page: UnsafeBufferPointer<UInt8>, to target: UnsafeBufferPointer<UInt8>) -> String? {
        let slash = UInt8(ascii: "/")
        if page.contains(where: { $0 >= 0x80 }) || target.contains(where: { $0 >= 0x80 }) { return nil }
        /// The next non-empty part at or after `index`, and where to look for the one after it.
        func part(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Range<Int>? {
            var start = index
            while start < bytes.count, bytes[start] == slash { start += 1 }
            guard start < bytes.count else { return nil }
            var end = start
            while end < bytes.count, bytes[end] != slash { end += 1 }
            return start..<end
        }
        func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { page[$0] == target[$1] }
        }
        // The target's folders: every part, but the last one when the target is a file.
        let targetIsFolder = target.isEmpty || target[target.count - 1] == slash
        var fileName: Range<Int>? = nil
        var folders = target.count
        if !targetIsFolder {
            let nameStart = (target.lastIndex(of: slash) ?? -1) + 1
            fileName = nameStart..<target.count
            folders = nameStart
        }
        // Shared leading parts.
        var pagePart = part(page, from: 0)
        var targetPart = part(target, from: 0).flatMap { $0.lowerBound < folders ? $0 : nil }
        while let a = pagePart, let b = targetPart, same(a, b) {
            pagePart = part(page, from: a.upperBound)
            targetPart = part(target, from: b.upperBound).flatMap { $0.lowerBound < folders ? $0 : nil }
        }
        var result: [UInt8] = []
        result.reserveCapacity(page.count + target.count)
        while let a = pagePart {
            result.append(contentsOf: "../".utf8)
            pagePart = part(page, from: a.upperBound)
        }
        while let b = targetPart {
            result.append(contentsOf: UnsafeBufferPointer(rebasing: target[b]))
            result.append(slash)
            targetPart = part(target, from: b.upperBound).flatMap { $0.lowerBound < folders ? $0 : nil }
        }
        if let fileName { result.append(contentsOf: UnsafeBufferPointer(rebasing: target[fileName])) }
        return result.isEmpty ? "./" : String(decoding: result, as: UTF8.self)
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
