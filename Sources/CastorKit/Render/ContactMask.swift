import Foundation

/// Keeps e-mail addresses and phone numbers out of every generated file, where harvesting
/// robots read them (decoding character references and escapes is no obstacle to them), while
/// people can still read the text and, on pages, reveal a contact with a button.
///
/// Two masking points, both before any output is written, so that no writer (page, feed,
/// calendar, widget, search index, sitemap, nor a future one) can forget them:
/// - front matter texts are masked once, when an `Entry` is made (`maskedFields`): every
///   output reads titles, summaries, places, authors and attachment titles from there;
/// - Markdown bodies are masked once, when they are rendered (`maskHTML`, in
///   `Pipeline.renderBody`), and their headings (the table of contents) in `MarkdownRenderer`.
/// Texts get a readable placeholder; HTML bodies get a `span.contact-masque` holding the
/// scrambled contact, turned into an « Afficher le contact » button by `assets/contacts.js`.
public enum ContactMask {
    /// What stands for a contact in a text.
    public static let placeholder = "[contact masqué]"
    /// The class of the elements `assets/contacts.js` turns into a button.
    public static let revealClass = "contact-masque"

    /// Reversed, then base64: what the « Afficher le contact » button decodes.
    public static func scrambled(_ text: String) -> String {
        Data(String(text.reversed()).utf8).base64EncodedString()
    }

    /// `text` with every e-mail address and phone number replaced by `placeholder`, and every
    /// occurrence of the `literal` contacts too (an ad's own contact, whatever its format).
    public static func masked(_ text: String, placeholder: String = ContactMask.placeholder, literal: [String] = []) -> String {
        replacingContacts(in: text, literal: literal) { _, _, output in output.append(contentsOf: placeholder.utf8) }
    }

    /// The element standing for a contact on a page: the placeholder, and the scrambled
    /// contact for the button.
    public static func reveal(_ contact: String, kind: String, label: String = ContactMask.placeholder) -> String {
        "<span class=\"\(revealClass)\" data-contact=\"\(scrambled(contact))\" data-kind=\"\(kind)\">\(label)</span>"
    }

    /// The front matter values of an entry with every contact masked: the texts (`text`,
    /// `textList`, attachment titles) of its collection's declaration, the item's own contacts
    /// (`literalContacts`) included whatever their format. Web addresses and the `contact` fields
    /// themselves are left for their own treatment (checked by the validator, shown by the button).
    public static func maskedFields(_ fields: [String: FieldValue], collection: CollectionSchema) -> [String: FieldValue] {
        let placeholder = collection.publishing.contactPlaceholder ?? self.placeholder
        let literal = literalContacts(fields, collection: collection)
        var result = fields
        for spec in collection.fields {
            guard let value = fields[spec.key] else { continue }
            switch (spec.type, value) {
            case (.text, .text(let text)):
                result[spec.key] = .text(masked(text, placeholder: placeholder, literal: literal))
            case (.textList, .list(let list)):
                result[spec.key] = .list(list.map { masked($0, placeholder: placeholder, literal: literal) })
            case (.attachments, .attachments(let list)):
                result[spec.key] = .attachments(
                    list.map { Attachment(file: $0.file, title: masked($0.title, placeholder: placeholder, literal: literal), size: $0.size) })
            default:
                break
            }
        }
        return result
    }

    /// The item's own contacts (its fields of type `contact` that are not web addresses): masked
    /// wherever they appear, in whatever format the scanner would not recognise.
    public static func literalContacts(_ fields: [String: FieldValue], collection: CollectionSchema) -> [String] {
        collection.fields.compactMap { field in
            guard field.type == .contact, let contact = fields[field.key]?.text, let kind = ContactKind(contact), kind != .web else {
                return nil
            }
            return contact
        }
    }

    /// Finds every e-mail address and phone number in `text` (and every occurrence of the
    /// `literal` strings) and lets `replacement` write what stands in its place, given the
    /// bytes found and their kind.
    public static func replacingContacts(
        in text: String, literal: [String] = [],
        with replacement: (Slice<UnsafeBufferPointer<UInt8>>, ContactScanner.Kind, inout [UInt8]) -> Void
    ) -> String {
        var bytes = text
        // No contact: the text itself, not a copy of its bytes made a string again.
        return bytes.withUTF8 { bytes -> String? in
            let matches = allMatches(bytes, literal: literal)
            if matches.isEmpty { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 64 * matches.count)
            var copied = 0
            for match in matches {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<match.range.lowerBound]))
                replacement(bytes[match.range], match.kind, &output)
                copied = match.range.upperBound
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    /// The scanner's matches, plus the occurrences of `literal` strings outside them.
    static func allMatches(_ bytes: UnsafeBufferPointer<UInt8>, literal: [String]) -> [ContactScanner.Match] {
        var matches = ContactScanner.matches(in: bytes)
        for var contact in literal where !contact.isEmpty {
            let kind: ContactScanner.Kind = contact.contains("@") ? .email : .phone
            contact.withUTF8 { pattern in
                var from = 0
                while let found = TextReplace.firstMatch(bytes, pattern, from: from) {
                    let range = found..<(found + pattern.count)
                    if !matches.contains(where: { $0.range.overlaps(range) }) { matches.append(.init(range: range, kind: kind)) }
                    from = range.upperBound
                }
            }
        }
        return matches.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A contact as found, made usable: no-break and other spaces become plain spaces, `%40`
    /// an `@`.
    static func normalized(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
        text = text.replacingOccurrences(of: "%40", with: "@")
        return String(text.map { $0.isWhitespace ? " " : $0 })
    }
}
