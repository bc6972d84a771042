/// Byte-level search and replace on UTF-8 text. Foundation's `range(of:)` and
/// `replacingOccurrences` bridge through UTF-16 on Linux and dominated the build's profile.
public enum TextReplace {
    /// Whether `needle` occurs in `text`.
    public static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in firstMatch(haystack, pattern, from: 0) != nil }
        }
    }

    /// Replaces every occurrence of each pattern, in one pass; at a given position the first
    /// pattern of the list that matches wins.
    public static func replacingAll(_ text: String, _ replacements: [(String, String)]) -> String {
        var text = text
        let patterns = replacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        // Bytes that start a pattern: every other byte is passed over at once.
        var starts = [Bool](repeating: false, count: 256)
        for (pattern, _) in patterns { if let first = pattern.first { starts[Int(first)] = true } }
        return text.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            var index = 0
            var copiedUpTo = 0
            outer: while index < bytes.count {
                let byte = bytes[index]
                guard starts[Int(byte)] else {
                    index += 1
                    continue
                }
                for (pattern, replacement) in patterns where pattern.first == byte && matches(bytes, pattern, at: index) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<index]))
                    output.append(contentsOf: replacement)
                    index += pattern.count
                    copiedUpTo = index
                    continue outer
                }
                index += 1
            }
            if copiedUpTo == 0 { return String(decoding: bytes, as: UTF8.self) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<bytes.count]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    static func firstMatch(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return pattern.isEmpty ? start : nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first {
                var offset = 1
                while offset < pattern.count && bytes[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }
}
