import Foundation
import Mustache

/// Cards rendered once, not once per page that shows them.
///
/// A fiche's card is shown on about ten pages (the listings of its collection, of its group, of
/// its themes and regions, and among the related items of five other fiches): rendering its
/// partial each time was a fifth of a build. The templates stay the contract: each partial a
/// card can be given (`CardPartialAnalysis.wrappable`) is registered under its own name as a
/// small wrapper, and the user's partial under `original`:
///
///     {{{.<key>}}}{{^.<key>}}{{>original}}{{/.<key>}}
///
/// `.<key>` is looked up on the top of the context stack only: a card made for the page
/// (`PageContext.card(_:root:)`) holds, under that key, a `CardPartials.Rendered` whose text is the
/// user's partial rendered once for that card, the page's `root` put in. Anything else (a card
/// made elsewhere, a card that lacks a name the partial reads, another object on top of it)
/// renders the user's partial as before. A card qualifies when it holds every name the partial
/// reads (`root` too: a card made for a page holds the page's), so that the partial reads
/// nothing below it in the stack, and when the sections whose `{{.}}` the partial shows are text,
/// numbers or lists in it.
public final class CardPartials: @unchecked Sendable {
    struct Partial {
        /// The name templates call (`partials/card`).
        let name: String
        /// The name the user's partial is registered under.
        let original: String
        /// The card's key for it (`__castor-carte-0`).
        let key: String
        let reads: CardPartialAnalysis.Reads
    }

    let partials: [Partial]
    private(set) var library: MustacheLibrary
    /// Stands for `root` while a partial is rendered once: its escaped form (`&` → `&amp;`) tells
    /// `{{root}}` from `{{{root}}}`. Unique to the process, so no content can hold it.
    let rootMark: String
    let escapedRootMark: String

    /// What templates call a partial inside a section become wrappers in `library`.
    init?(library: inout MustacheLibrary, templates: [String: String], pragma: String) {
        let found = CardPartialAnalysis.wrappable(templates)
        var partials: [Partial] = []
        for (index, (name, reads)) in found.enumerated() {
            guard let text = templates[name] else { continue }
            let partial = Partial(name: name, original: "__castor/original/" + name, key: "__castor-carte-\(index)", reads: reads)
            guard WrappedPartial.register(name, text: text, original: partial.original, key: partial.key, pragma: pragma, in: &library)
            else { continue }
            partials.append(partial)
        }
        guard !partials.isEmpty else { return nil }
        self.partials = partials
        self.library = library
        rootMark = "\u{E000}castor-racine&" + UUID().uuidString + "\u{E001}"
        escapedRootMark = Escape.xml(rootMark)
    }

    /// The keys `card` (`base` with the page's `root`) gets for the page whose root is `root`:
    /// one per partial it qualifies for. Which ones is found once per card and store: a card
    /// is the same on every page of one build or publication but for `root`.
    func mark(_ card: inout [String: Any], base: [String: Any], path: String, root: String, store: Store) {
        let qualified = store.qualified(Store.Key(partials: ObjectIdentifier(self), index: 0, path: path)) {
            partials.indices.filter { qualifies(card, for: partials[$0]) }
        }
        for index in qualified {
            card[partials[index].key] = Rendered(partials: self, store: store, index: index, path: path, base: base, root: root)
        }
    }

    func qualifies(_ card: [String: Any], for partial: Partial) -> Bool {
        for name in partial.reads.names where card[name] == nil { return false }
        for name in partial.reads.dotSections {
            switch card[name] {
            case is String, is Int, is Double, is [Any]: continue
            default: return false
            }
        }
        return true
    }

    /// The user's partial rendered once for a card, as pieces to join with the page's root.
    struct Pieces {
        let texts: [String]
        /// For each place between two texts: whether `root` was written escaped (`{{root}}`).
        let escaped: [Bool]
    }

    /// One card's rendered partials, shared by every page of one build or publication
    /// (`PageContext` keeps one): a card is the same on all of them but for `root`.
    public final class Store: @unchecked Sendable {
        private let lock = NSLock()
        private var pieces: [Key: Pieces] = [:]
        /// The partials each card qualifies for (keyed with index 0).
        private let qualified = Locked<[Key: [Int]]>([:])

        struct Key: Hashable {
            let partials: ObjectIdentifier
            let index: Int
            let path: String
        }

        public init() {}

        /// How many partials are kept rendered.
        var count: Int { lock.withLock { pieces.count } }

        func qualified(_ key: Key, finding: () -> [Int]) -> [Int] {
            qualified.value(at: key, finding)
        }

        func pieces(_ key: Key, making: () -> Pieces?) -> Pieces? {
            if let found = lock.withLock({ pieces[key] }) { return found }
            guard let made = making() else { return nil }
            lock.withLock { pieces[key] = made }
            return made
        }
    }

    /// The value of a card's key: swift-mustache writes its `renderText` as is (`{{{.<key>}}}`).
    struct Rendered: MustacheCustomRenderable {
        let partials: CardPartials
        let store: Store
        let index: Int
        let path: String
        /// The card without `root` (the partial reads it as `rootMark` when rendered once).
        let base: [String: Any]
        let root: String

        var isNull: Bool { false }

        var renderText: String {
            let key = Store.Key(partials: ObjectIdentifier(partials), index: index, path: path)
            let making = {
                var card = base
                card["root"] = partials.rootMark
                return partials.pieces(of: card, partial: index)
            }
            guard let pieces = store.pieces(key, making: making) else {
                // Not split as expected: the partial, rendered for this page.
                var card = base
                card["root"] = root
                return partials.library.render(card, withTemplate: partials.partials[index].original) ?? ""
            }
            let escapedRoot = Escape.xml(root)
            var text = pieces.texts[0]
            for (position, escaped) in pieces.escaped.enumerated() {
                text += escaped ? escapedRoot : root
                text += pieces.texts[position + 1]
            }
            return text
        }
    }

    /// The user's partial rendered for `card`, cut where `root` was written; nil when the marks
    /// are not found whole (then nothing is kept).
    func pieces(of card: [String: Any], partial index: Int) -> Pieces? {
        guard var html = library.render(card, withTemplate: partials[index].original) else { return nil }
        let raw = Array(rootMark.utf8)
        let escapedMark = Array(escapedRootMark.utf8)
        // Both forms start alike up to the `&`.
        let common = Array(raw.prefix { $0 != UInt8(ascii: "&") })
        return html.withUTF8 { bytes -> Pieces? in
            var texts: [String] = []
            var escaped: [Bool] = []
            var position = 0
            while let found = common.withUnsafeBufferPointer({ TextReplace.firstMatch(bytes, $0, from: position) }) {
                texts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<found]), as: UTF8.self))
                if TextReplace.matches(bytes, escapedMark, at: found) {
                    escaped.append(true)
                    position = found + escapedMark.count
                } else if TextReplace.matches(bytes, raw, at: found) {
                    escaped.append(false)
                    position = found + raw.count
                } else {
                    return nil
                }
            }
            texts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<bytes.count]), as: UTF8.self))
            return Pieces(texts: texts, escaped: escaped)
        }
    }
}
