import Foundation
import Mustache

/// Page partials rendered once for all the pages that give them the same values.
///
/// The header, the footer and the like read a few values of the page's context (`root`,
/// `site.title`, the menu with its `current` flag) that most pages share: rendering them on every
/// page was about a quarter of the Mustache work. The templates stay the contract: each partial
/// `PagePartialAnalysis.wrappable` finds is registered under its own name as a small wrapper, the
/// user's partial under `original`:
///
///     {{{.<key>}}}{{^.<key>}}{{>original}}{{/.<key>}}
///
/// A page's context made by `PageRenderer` holds, under that key, a `PagePartials.Rendered`
/// whose text is the user's partial rendered with that context, or the text already rendered for
/// a context whose values read by the partial are the same (`key`). Anything else renders the
/// user's partial as before. A partial whose values differ on most pages (the breadcrumbs) stops
/// being kept after a while, and is tried again a while later (`Store.retry`).
public final class PagePartials: @unchecked Sendable {
    struct Partial {
        /// The name templates call (`partials/header`).
        let name: String
        /// The name the user's partial is registered under.
        let original: String
        /// The page context's key for it (`__castor-page-0`).
        let key: String
        /// The names it reads, sorted, with how, and the sections each is read in when it is
        /// read only inside sections (`PagePartialAnalysis.Reads.scopes`: indices in `scopes`).
        let reads: [(name: String, path: [String], use: PagePartialAnalysis.Use, scopes: [Int]?)]
        /// The paths of those sections.
        let scopes: [[String]]
        /// The last components of the names it shows (`{{name}}`, `{{.}}` of a section): a
        /// value kept under such a name inside a section's value must show the same text for
        /// the same key (`appendFlat`).
        let shown: Set<String>
    }

    let partials: [Partial]
    let library: MustacheLibrary

    init?(library: inout MustacheLibrary, templates: [String: String], pragma: String) {
        var partials: [Partial] = []
        for (index, (name, reads)) in PagePartialAnalysis.wrappable(templates).enumerated() {
            guard let text = templates[name] else { continue }
            let path = { (name: String) in name.split(separator: ".").map(String.init) }
            let scopes = Set(reads.scopes.values.joined()).sorted()
            let partial = Partial(
                name: name, original: "__castor/page/" + name, key: "__castor-page-\(index)",
                reads: reads.names.sorted { $0.key < $1.key }.map { name, use in
                    (name, path(name), use, reads.scopes[name].map { $0.map { scopes.firstIndex(of: $0)! }.sorted() })
                },
                scopes: scopes.map(path),
                shown: Set(reads.names.filter { !$0.value.isDisjoint(with: [.variable, .dotSection]) }.compactMap { path($0.key).last }))
            guard WrappedPartial.register(name, text: text, original: partial.original, key: partial.key, pragma: pragma, in: &library)
            else { continue }
            partials.append(partial)
        }
        guard !partials.isEmpty else { return nil }
        self.partials = partials
        self.library = library
    }

    /// Gives a page's context its partials' keys.
    /// A partial no longer kept is rendered in place, as before.
    func mark(_ context: inout [String: Any], store: Store) {
        let page = context
        for index in partials.indices where store.keeps(Store.Partial(partials: ObjectIdentifier(self), index: index)) {
            context[partials[index].key] = Rendered(partials: self, store: store, index: index, context: page)
        }
    }

    /// The values `context` gives the partial, as text, or nil when one of them is not plain
    /// enough to tell that two contexts giving the same text render the same.
    /// `lists`: encodings of lists already seen, by identity (`Store.ListEncodings`).
    func key(_ context: [String: Any], partial index: Int, lists: Store.ListEncodings? = nil) -> String? {
        var key = ""
        let partial = partials[index]
        var sections: [Any?] = []
        sections.reserveCapacity(partial.scopes.count)
        for path in partial.scopes {
            guard let value = PagePartials.value(at: path, in: context) else { return nil }
            sections.append(value)
        }
        for read in partial.reads {
            key += read.name
            key += "="
            if let scopes = read.scopes {
                // Read only inside sections: when every one of them pushes values that hold
                // the name (or shows nothing), the page's value is never reached. Whether they
                // do is told by the sections' own values, which the key holds.
                if scopes.allSatisfy({ PagePartials.hides(read.path[0], sections[$0]) }) {
                    key += "~\n"
                    continue
                }
            }
            guard let value = PagePartials.value(at: read.path, in: context) else { return nil }
            if let lists, let value, let encoded = lists.encoding(of: value, use: read.use, shown: partial.shown) {
                guard let encoded else { return nil }
                key += encoded
            } else {
                guard PagePartials.append(value, to: &key, use: read.use, shown: partial.shown) else { return nil }
            }
            key += "\n"
        }
        return key
    }

    /// The value at `path` from the page's context, as Mustache finds it from the top: `.some(nil)`
    /// when it is missing, nil when an object on the way is not one whose children are known.
    static func value(at path: [String], in context: [String: Any]) -> Any?? {
        var value: Any? = context
        for component in path {
            guard let object = value else { break }
            if let dictionary = PagePartials.dictionary(object) {
                value = dictionary[component]
            } else if PagePartials.isScalar(Swift.type(of: object)) || PagePartials.list(object) != nil {
                value = nil  // a text, a number or a list has no named child
            } else {
                return nil
            }
        }
        return .some(value)
    }

    /// Whether a section given `value` never lets `name` be looked up below it: it shows nothing
    /// (missing, false, an empty list), or pushes a dictionary, or dictionaries, that hold it.
    /// (By exact type, as `PageContext` makes them, without copying a list into `[Any]`.)
    static func hides(_ name: String, _ value: Any?) -> Bool {
        guard let value else { return true }
        let type = Swift.type(of: value)
        if type == Bool.self { return !(value as! Bool) }
        if type == [String: Any].self { return (value as! [String: Any])[name] != nil }
        if type == [[String: Any]].self { return (value as! [[String: Any]]).allSatisfy { $0[name] != nil } }
        if type == [String: String].self { return (value as! [String: String])[name] != nil }
        if type == [[String: String]].self { return (value as! [[String: String]]).allSatisfy { $0[name] != nil } }
        if type == [Any].self { return (value as! [Any]).allSatisfy { element in dictionary(element).map { $0[name] != nil } ?? false } }
        if type == [String].self { return (value as! [String]).isEmpty }
        return false
    }

    /// Values are told by their exact type (no protocol or bridging casts): the types
    /// `PageContext` makes.
    static func isScalar(_ type: Any.Type) -> Bool {
        type == String.self || type == Bool.self || type == Int.self || type == Double.self
    }

    static func list(_ value: Any) -> [Any]? {
        let type = Swift.type(of: value)
        if type == [Any].self { return (value as! [Any]) }
        if type == [[String: Any]].self { return (value as! [[String: Any]]) }
        if type == [[String: String]].self { return (value as! [[String: String]]) }
        if type == [String].self { return (value as! [String]) }
        return nil
    }

    static func dictionary(_ value: Any) -> [String: Any]? {
        let type = Swift.type(of: value)
        if type == [String: Any].self { return (value as! [String: Any]) }
        if type == [String: String].self { return (value as! [String: String]) }
        return nil
    }

    static func appendScalar(_ value: Any, to key: inout String) -> Bool {
        let type = Swift.type(of: value)
        if type == String.self {
            let text = value as! String
            key += "s"
            key += String(text.utf8.count)
            key += ":"
            key += text
        } else if type == Bool.self {
            key += (value as! Bool) ? "t" : "f"
        } else if type == Int.self {
            key += "i"
            key += String(value as! Int)
            key += ";"
        } else if type == Double.self {
            key += "d"
            key += String((value as! Double).bitPattern)
            key += ";"
        } else {
            return false
        }
        return true
    }

    /// Writes `value` into `key`, tagged by type and with lengths, so that two different values
    /// never write the same. Accepts texts, numbers, flags, lists of those or of flat
    /// dictionaries, and flat dictionaries (their values texts, numbers, flags or lists of
    /// those): Mustache then renders them the same whenever they write the same (a dictionary's
    /// own text, whose order is not fixed, is never shown: `use`).
    /// `shown`: the partial's `Partial.shown`, which lets lists and dictionaries inside a
    /// dictionary be written too (nil: only texts, numbers, flags and their lists there).
    static func append(_ value: Any?, to key: inout String, use: PagePartialAnalysis.Use, shown: Set<String>?) -> Bool {
        guard let value else {
            key += "n"
            return true
        }
        if appendScalar(value, to: &key) { return true }
        if let list = list(value) {
            // Shown as `{{name}}` or `{{.}}`, a list shows its elements' own text: only texts and numbers.
            let scalars = list.allSatisfy { isScalar(Swift.type(of: $0)) }
            if !use.isDisjoint(with: [.variable, .dotSection]) && !scalars { return false }
            key += "a"
            key += String(list.count)
            key += "["
            for element in list where !appendScalar(element, to: &key) {
                guard let dictionary = dictionary(element), appendFlat(dictionary, to: &key, shown: shown) else { return false }
            }
            key += "]"
            return true
        }
        if let dictionary = dictionary(value) {
            return use.isDisjoint(with: [.variable, .dotSection]) && appendFlat(dictionary, to: &key, shown: shown)
        }
        return false
    }

    /// A dictionary whose values are texts, numbers, flags or lists of those, keys sorted.
    /// With `shown`, a value may also be a dictionary of that kind or a list of them (the
    /// theme links of a fiche: `{label, values: [{text, url}]}`), `nesting` levels deep, unless
    /// its name is one the partial shows as text: a dictionary's own text has no fixed order.
    static func appendFlat(_ dictionary: [String: Any], to key: inout String, shown: Set<String>? = nil, nesting: Int = 2) -> Bool {
        key += "m"
        key += String(dictionary.count)
        key += "{"
        for name in dictionary.keys.sorted() {
            key += "s"
            key += String(name.utf8.count)
            key += ":"
            key += name
            let value = dictionary[name]!
            if appendScalar(value, to: &key) { continue }
            let nested = shown.flatMap { nesting > 0 && !$0.contains(name) ? $0 : nil }
            if let nested, let inner = self.dictionary(value) {
                guard appendFlat(inner, to: &key, shown: nested, nesting: nesting - 1) else { return false }
                continue
            }
            guard let list = list(value) else { return false }
            key += "a"
            key += String(list.count)
            key += "["
            for element in list where !appendScalar(element, to: &key) {
                guard let nested, let inner = self.dictionary(element), appendFlat(inner, to: &key, shown: nested, nesting: nesting - 1)
                else { return false }
            }
            key += "]"
        }
        key += "}"
        return true
    }

    /// The partials' texts kept by the values they were rendered for, shared by every page of
    /// one build or publication (`PageContext` keeps one).
    public final class Store: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [Partial: [String: String]] = [:]
        /// Per partial: pages rendered, and those whose text was already kept.
        private var counts: [Partial: (pages: Int, found: Int)] = [:]
        /// The partials whose texts are kept, held so that no other takes their identifier.
        private var owners: [ObjectIdentifier: PagePartials] = [:]

        struct Partial: Hashable {
            let partials: ObjectIdentifier
            let index: Int
        }

        /// A partial whose values differ on most pages is no longer kept past this many pages…
        static let trial = 200
        /// …and is tried again after this many more: pages come in order, by part of the site
        /// (the head's feeds differ on every event page, which has its own calendar, and are
        /// the same on every fiche).
        static let retry = 2000
        /// Per partial no longer kept: the pages since.
        private var skipped: [Partial: Int] = [:]
        /// Nor more texts than this for one partial.
        static let limit = 2000

        /// The encodings of the lists pages share (the menu, the footer's pages).
        let lists = ListEncodings()

        public init() {}

        /// How many texts are kept.
        var count: Int { lock.withLock { texts.values.reduce(0) { $0 + $1.count } } }

        /// How many texts are kept for one partial, and on how many pages one was found since
        /// its last trial began.
        func kept(_ partials: PagePartials, index: Int) -> (texts: Int, found: Int) {
            let partial = Partial(partials: ObjectIdentifier(partials), index: index)
            return lock.withLock { (texts[partial]?.count ?? 0, counts[partial]?.found ?? 0) }
        }

        /// Whether the partial is still worth keeping.
        func keeps(_ partial: Partial) -> Bool {
            lock.withLock {
                let count = counts[partial] ?? (0, 0)
                if count.pages < Store.trial || count.found * 2 >= count.pages { return true }
                skipped[partial, default: 0] += 1
                guard skipped[partial]! >= Store.retry else { return false }
                // A new trial: the texts already kept stay.
                skipped[partial] = 0
                counts[partial] = (0, 0)
                return true
            }
        }

        /// Counts a page whose values could not be told apart by a key.
        func unkept(_ partial: Partial) {
            lock.withLock { counts[partial, default: (0, 0)].pages += 1 }
        }

        /// The key text of a list of dictionaries (`PagePartials.append`), remembered by the
        /// list's storage: pages that share one array (`PageContext.common` gives the same menu
        /// to the pages of a section) encode it once. The array is held with its encoding, so
        /// its storage cannot be another list's while it is remembered. The key gets a number
        /// for the text (`L<n>;`, the same number for the same text): keys stay short to hash.
        final class ListEncodings: @unchecked Sendable {
            private let lock = NSLock()
            private var encodings: [Identity: (list: [[String: Any]], text: String?)] = [:]
            private var numbers: [String: Int] = [:]
            /// Lists pages do not share are not worth remembering past this many.
            static let limit = 64
            /// Texts numbered at most; past them a text is its own key (a key that differs
            /// from another for the same values only misses a text already rendered).
            static let numbered = 10_000

            struct Identity: Hashable {
                let storage: UnsafeRawPointer
                let use: PagePartialAnalysis.Use
                /// The reading partial's `Partial.shown`, which decides what nested values
                /// `append` accepts: compared, not hashed (hashing a set costs each of its names).
                let shown: Set<String>

                func hash(into hasher: inout Hasher) {
                    hasher.combine(storage)
                    hasher.combine(use)
                }
            }

            /// `.some(text)` (nil inside when the list has no key), or nil when `value` is not a
            /// list of dictionaries of two or more. `shown`: the reading partial's, as `append` takes it.
            func encoding(of value: Any, use: PagePartialAnalysis.Use, shown: Set<String>) -> String?? {
                guard Swift.type(of: value) == [[String: Any]].self else { return nil }
                let list = value as! [[String: Any]]
                guard list.count >= 2, let storage = list.withUnsafeBufferPointer({ $0.baseAddress.map(UnsafeRawPointer.init) })
                else { return nil }
                let identity = Identity(storage: storage, use: use, shown: shown)
                if let found = lock.withLock({ encodings[identity] }) { return .some(found.text) }
                var text = ""
                guard PagePartials.append(list, to: &text, use: use, shown: shown) else {
                    lock.withLock { remember(identity, list, nil) }
                    return .some(nil)
                }
                return .some(lock.withLock {
                    var short = text
                    if let number = numbers[text] {
                        short = "L\(number);"
                    } else if numbers.count < ListEncodings.numbered {
                        numbers[text] = numbers.count
                        short = "L\(numbers.count - 1);"
                    }
                    remember(identity, list, short)
                    return short
                })
            }

            private func remember(_ identity: Identity, _ list: [[String: Any]], _ text: String?) {
                if encodings.count >= ListEncodings.limit { encodings.removeAll() }
                encodings[identity] = (list, text)
            }
        }

        func text(_ partial: Partial, of owner: PagePartials, key: String, making: () -> String) -> String {
            let found: String? = lock.withLock {
                let text = texts[partial]?[key]
                counts[partial, default: (0, 0)].pages += 1
                if text != nil { counts[partial, default: (0, 0)].found += 1 }
                return text
            }
            if let found { return found }
            let made = making()
            lock.withLock {
                owners[partial.partials] = owner
                if texts[partial, default: [:]].count < Store.limit { texts[partial, default: [:]][key] = made }
            }
            return made
        }
    }

    /// The value of a page partial's key: swift-mustache writes its `renderText` as is (`{{{.<key>}}}`).
    struct Rendered: MustacheCustomRenderable {
        let partials: PagePartials
        let store: Store
        let index: Int
        /// The page's context, without the partials' keys.
        let context: [String: Any]

        var isNull: Bool { false }

        var renderText: String {
            let render = { partials.library.render(context, withTemplate: partials.partials[index].original) ?? "" }
            let partial = Store.Partial(partials: ObjectIdentifier(partials), index: index)
            guard store.keeps(partial) else { return render() }
            guard let key = partials.key(context, partial: index, lists: store.lists) else {
                store.unkept(partial)
                return render()
            }
            return store.text(partial, of: partials, key: key, making: render)
        }
    }
}
