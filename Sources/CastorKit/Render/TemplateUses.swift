/// Which templates rendering a template may use: itself, its parents and partials, and theirs.
/// The preview's memo reads it: a page made with `list` is made again when `list`, `base` or
/// one of their partials changes, not when `event` does (`SiteStore.Query.template`).
public struct TemplateUses: Sendable {
    /// Template name → the templates its rendering may use, itself included, sorted.
    private var closures: [String: [String]] = [:]
    /// Whether a template may use any other (a dynamic partial `{{>*name}}`, changed delimiters,
    /// a tag left open): then every template counts as used by every page.
    private(set) var usesAny = false
    /// Template name → a fingerprint of its text.
    public private(set) var fingerprints: [String: Int] = [:]

    public init() {}

    /// `texts`: name → text of every template.
    init(texts: [String: String]) {
        var direct: [String: [String]] = [:]
        for (name, text) in texts {
            var hasher = Hasher()
            hasher.combine(text)
            fingerprints[name] = hasher.finalize()
            guard let tags = CardPartialAnalysis.tags(text) else {
                usesAny = true
                continue
            }
            for tag in tags where tag.kind == .delimiters || ((tag.kind == .partial || tag.kind == .parent) && tag.name.hasPrefix("*")) {
                usesAny = true
            }
            direct[name] = TemplateSet.references(in: text).map(\.name)
        }
        guard !usesAny else { return }
        for name in texts.keys {
            var seen: Set<String> = [name]
            var stack = [name]
            while let next = stack.popLast() {
                for used in direct[next] ?? [] where seen.insert(used).inserted { stack.append(used) }
            }
            closures[name] = seen.sorted()
        }
    }

    /// The templates rendering `name` may use.
    public func used(by name: String) -> [String] {
        usesAny ? fingerprints.keys.sorted() : closures[name] ?? [name]
    }
}
