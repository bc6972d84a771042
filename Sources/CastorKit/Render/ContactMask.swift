import Foundation

/// Keeps ads' e-mail addresses and phone numbers out of the generated files as plain text,
/// where harvesting robots read them, while people can still use them.
public enum ContactMask {
    /// Every character as a numeric character reference (`&#99;&#111;…`): a browser shows the
    /// address, the file does not hold it as text. Safe to output unescaped.
    public static func entities(_ text: String) -> String {
        text.unicodeScalars.map { "&#\($0.value);" }.joined()
    }

    /// Reversed, then base64: what the « Afficher le contact » button decodes.
    public static func scrambled(_ text: String) -> String {
        Data(String(text.reversed()).utf8).base64EncodedString()
    }

    /// The address a contact links to: `mailto:`, `tel:` (digits, `+` kept) or the web address.
    public static func href(_ contact: String) -> String {
        switch ContactKind(contact) {
        case .email: return "mailto:" + contact
        case .phone: return "tel:" + contact.filter { $0.isNumber || $0 == "+" }
        case .web, nil: return contact
        }
    }

    /// Replaces every occurrence of an e-mail or phone contact in rendered HTML (an author may
    /// repeat it in the ad's text) by its character references.
    public static func mask(_ contact: String, in html: String) -> String {
        guard let kind = ContactKind(contact), kind != .web else { return html }
        var replacements = [("mailto:" + contact, entities("mailto:" + contact)), (contact, entities(contact))]
        if kind == .phone {
            let digits = contact.filter(\.isNumber)
            replacements.append((digits, entities(digits)))
        }
        return TextReplace.replacingAll(html, replacements)
    }
}

extension ContactMask {
    /// Encodes every e-mail address and French phone number found in rendered HTML (text and
    /// attributes alike: browsers decode character references in both), so that no page holds
    /// one as plain text.
    public static func maskAll(in html: String) -> String {
        replacingContacts(in: html) { contact, output in
            for byte in contact { output.append(contentsOf: "&#\(byte);".utf8) }
        }
    }

    /// Finds every e-mail address and French phone number in `text` and lets `replacement`
    /// write what stands in its place (character references for pages, a space for the search).
    public static func replacingContacts(
        in text: String, with replacement: (Slice<UnsafeBufferPointer<UInt8>>, inout [UInt8]) -> Void
    ) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            func emit(_ range: Range<Int>) {
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<range.lowerBound]))
                replacement(bytes[range], &output)
                copied = range.upperBound
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "@"), let range = emailRange(bytes, at: index), range.lowerBound >= copied {
                    emit(range)
                    index = range.upperBound
                } else if byte == UInt8(ascii: "0") || byte == UInt8(ascii: "+"), index >= copied,
                    let end = phoneEnd(bytes, from: index)
                {
                    emit(index..<end)
                    index = end
                } else {
                    index += 1
                }
            }
            if copied == 0 { return String(decoding: bytes, as: UTF8.self) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    static func isLocalByte(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    static func emailRange(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Range<Int>? {
        var start = at
        while start > 0, isLocalByte(bytes[start - 1]) { start -= 1 }
        var end = at + 1
        var dots = 0
        while end < bytes.count, isAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".") {
            if bytes[end] == UInt8(ascii: ".") { dots += 1 }
            end += 1
        }
        while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") {
            end -= 1
            dots -= 1
        }
        guard start < at, dots > 0, end > at + 3 else { return nil }
        return start..<end
    }

    /// `06 12 34 56 78`, `06.12.34.56.78`, `0612345678`, `+33 6 12 34 56 78`: the end of the
    /// number starting at `start`, or nil.
    static func phoneEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        func digit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        func separator(_ i: Int) -> Bool {
            i < bytes.count && (bytes[i] == 0x20 || bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "-"))
        }
        if start > 0, isAlphanumeric(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "/") { return nil }
        var i = start
        if bytes[i] == UInt8(ascii: "+") {
            guard digit(i + 1), digit(i + 2), bytes[i + 1] == UInt8(ascii: "3"), bytes[i + 2] == UInt8(ascii: "3") else { return nil }
            i += 3
            if separator(i) { i += 1 }
            guard digit(i), bytes[i] != 0x30 else { return nil }
            i += 1
        } else {
            guard digit(i + 1), bytes[i + 1] != 0x30 else { return nil }
            i += 2
        }
        for _ in 0..<4 {
            if separator(i) && digit(i + 1) { i += 1 }
            guard digit(i), digit(i + 1) else { return nil }
            i += 2
        }
        if digit(i) || (i < bytes.count && isAlphanumeric(bytes[i])) { return nil }
        return i
    }
}
