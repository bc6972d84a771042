import Foundation

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
        var bytes = text
        // Nothing replaced: the text itself, not a copy of its bytes made a string again.
        return replacedBytes(&bytes, replacements).map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// The bytes of `text` with every pattern replaced, nil when no pattern occurs.
    static func replacedBytes(_ text: inout String, _ replacements: [(String, String)]) -> [UInt8]? {
        let patterns = replacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        // Bytes that start a pattern (bit 1) and bytes that come second in one (bit 2): a byte
        // that starts no pattern, or whose next byte is second in none, is passed over at once
        // (every pattern of two bytes or more needs both). A one-byte pattern marks every byte
        // as a possible second one.
        var table = [UInt8](repeating: 0, count: 256)
        for (pattern, _) in patterns where !pattern.isEmpty {
            table[Int(pattern[0])] |= 1
            if pattern.count == 1 {
                for byte in 0..<256 { table[byte] |= 2 }
            } else {
                table[Int(pattern[1])] |= 2
            }
        }
        let bytesTable = table
        // One byte starts every pattern (`[contact masqué]` in the search text): `memchr` finds
        // its next occurrence many bytes at a time.
        var starts = (0..<256).lazy.filter { table[$0] & 1 != 0 }.makeIterator()
        let first = starts.next()
        let single = first != nil && starts.next() == nil ? UInt8(first!) : nil
        return text.withUTF8 { bytes -> [UInt8]? in
            bytesTable.withUnsafeBufferPointer { table -> [UInt8]? in
                var output: [UInt8] = []
                var index = 0
                var copiedUpTo = 0
                let count = bytes.count
                outer: while index < count {
                    let byte = bytes[index]
                    guard table[Int(byte)] & 1 != 0, index + 1 == count || table[Int(bytes[index + 1])] & 2 != 0 else {
                        index += 1
                        if let single, index < count {
                            let from = bytes.baseAddress! + index
                            let found = memchr(from, Int32(single), count - index)
                            index = found.map { from.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + index } ?? count
                        }
                        continue
                    }
                    for (pattern, replacement) in patterns where pattern.first == byte && matches(bytes, pattern, at: index) {
                        if output.isEmpty { output.reserveCapacity(count + count / 8) }
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<index]))
                        output.append(contentsOf: replacement)
                        index += pattern.count
                        copiedUpTo = index
                        continue outer
                    }
                    index += 1
                }
                if copiedUpTo == 0 { return nil }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<count]))
                return output
            }
        }
    }

    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The first index at or after `start` where `pattern` occurs (`start` itself for an empty
    /// pattern): its first byte found with `memchr`, the rest compared with `memcmp` (a byte
    /// loop here was 2 % of a build).
    static func firstMatch(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first else { return start }
        guard start >= 0, let base = bytes.baseAddress, let needle = pattern.baseAddress else { return nil }
        let last = bytes.count - pattern.count
        var index = start
        while index <= last {
            guard let found = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, needle, pattern.count) == 0 { return at }
            index = at + 1
        }
        return nil
    }
}
