/// Which partials of the templates can be rendered once for every page that gives them the same
/// values (`PagePartials`), read from the templates' text: the header, the footer…
///
/// A partial is a candidate when every template calls it outside any section, from a template
/// rendered with the page's context alone (a page template, or a parent or partial itself
/// called that way): it then sees the page's context as its only object. It qualifies when it
/// (and every partial it calls) has no block, parent, dynamic partial, pragma, transform nor set
/// delimiter, and reads `.` only inside a non-inverted section. What it shows is then a matter of
/// the values it reads from the page's context: each name it reads, resolved from the top
/// (`PagePartials.key`). Nothing is cached when a template changes the delimiters, indents a
/// partial, block or parent tag, calls a dynamic partial, or opens a block inside a section.
///
/// A name read inside a section is looked up in what the section pushed before the page's
/// context: the analysis notes, for each name, the sections it is read in (`Reads.scopes`), so
/// that the key can leave out a value of the page's context that the section's own values hide
/// (the `title` of each feed in `{{#feeds}}…{{title}}…{{/feeds}}`, not the page's title).
enum PagePartialAnalysis {
    /// How a name is read: as a value shown, as a section whose `{{.}}` is shown, or as a section.
    struct Use: OptionSet, Hashable {
        let rawValue: Int
        static let variable = Use(rawValue: 1)
        static let dotSection = Use(rawValue: 2)
        static let section = Use(rawValue: 4)
    }

    /// What one partial reads, once its own partials are followed.
    struct Reads {
        /// Every name it reads (dotted as written, without a leading `.`), with how.
        var names: [String: Use] = [:]
        /// Per name read only inside sections: the outermost section (not inverted, no leading
        /// `.`) around each place it is read. Its value is looked up in the page's context, and
        /// what it pushes is searched first: a name it holds never reaches the page's context.
        var scopes: [String: Set<String>] = [:]
        /// Names read somewhere outside such a section.
        var unscoped: Set<String> = []
        var qualifies = true

        /// Notes that `name` is read inside `scope` (nil: outside any section that pushes a value).
        mutating func note(_ name: String, in scope: String?) {
            guard let scope else {
                unscoped.insert(name)
                scopes[name] = nil
                return
            }
            if !unscoped.contains(name) { scopes[name, default: []].insert(scope) }
        }
    }

    /// What `name`'s template reads, its partials followed (`templates`: name → text).
    static func reads(_ name: String, templates: [String: String], visiting: Set<String> = []) -> Reads {
        var reads = Reads()
        guard !visiting.contains(name), let text = templates[name], !name.hasSuffix(".txt"),
            let tags = CardPartialAnalysis.tags(text)
        else {
            reads.qualifies = false
            return reads
        }
        var sections: [(name: String, inverted: Bool)] = []
        /// The section around the current tag whose value the page's context gives and whose
        /// pushed value is searched first: the outermost one that is not inverted (an inverted
        /// section pushes nothing a name can be found in), unless it reads the top of the stack.
        var scope: String? {
            guard let first = sections.first(where: { !$0.inverted }), !first.name.hasPrefix(".") else { return nil }
            return first.name
        }
        func understood(_ name: String, as use: Use) -> Bool {
            guard CardPartialAnalysis.isPlainName(name) else { return false }
            if name == "." {
                // At the top, or in an inverted section, `.` is the page's context itself.
                guard use == .variable, let section = sections.last, !section.inverted else { return false }
                let key = section.name.hasPrefix(".") ? String(section.name.dropFirst()) : section.name
                guard !key.isEmpty, !key.hasPrefix(".") else { return false }
                reads.names[key, default: []].insert(.dotSection)
                return true
            }
            // `.name` reads the top of the stack: the page's context at the top of the partial,
            // else what a section pushed (a value the key holds whole).
            let key = name.hasPrefix(".") ? String(name.dropFirst()) : name
            guard !key.isEmpty, !key.hasPrefix("."), !key.hasSuffix("."), !key.contains("..") else { return false }
            reads.names[key, default: []].insert(use)
            reads.note(key, in: scope)
            return true
        }
        for tag in tags {
            var fine = true
            switch tag.kind {
            case .variable, .unescaped: fine = understood(tag.name, as: .variable)
            case .section, .inverted:
                fine = understood(tag.name, as: .section)
                sections.append((tag.name, tag.kind == .inverted))
            case .close: fine = sections.popLast()?.name == tag.name
            case .partial:
                guard !tag.name.hasPrefix("*") else { fine = false; break }
                let called = PagePartialAnalysis.reads(tag.name, templates: templates, visiting: visiting.union([name]))
                reads.names.merge(called.names) { $0.union($1) }
                if let scope {
                    // Called inside a section: everything it reads is looked up there first.
                    for name in called.names.keys { reads.note(name, in: scope) }
                } else {
                    for name in called.unscoped { reads.note(name, in: nil) }
                    for (name, scopes) in called.scopes { for scope in scopes { reads.note(name, in: scope) } }
                }
                fine = called.qualifies
            case .parent, .block, .pragma, .delimiters: fine = false
            case .comment: continue
            }
            guard fine else {
                reads.qualifies = false
                return reads
            }
        }
        reads.qualifies = sections.isEmpty
        return reads
    }

    /// The partials to render once per set of values, with what each reads: those that qualify
    /// and that every template calls outside sections, from templates that see the page's context
    /// alone. Empty when a template changes the delimiters, indents a partial, parent or block
    /// tag, calls a dynamic partial or opens a block inside a section.
    static func wrappable(_ templates: [String: String]) -> [(name: String, reads: Reads)] {
        /// Per template: the templates it calls (partials and parents), and whether inside a section.
        var calls: [String: [(name: String, inSection: Bool)]] = [:]
        var parents: Set<String> = []
        for (caller, text) in templates {
            guard let tags = CardPartialAnalysis.tags(text) else { return [] }
            var open: [Bool] = []
            for tag in tags {
                switch tag.kind {
                case .delimiters: return []
                case .partial, .parent, .block:
                    if tag.indented || tag.name.hasPrefix("*") { return [] }
                    if tag.kind == .block && open.contains(true) { return [] }
                    if tag.kind == .parent { parents.insert(tag.name) }
                    if tag.kind != .block { calls[caller, default: []].append((tag.name, open.contains(true))) }
                    if tag.kind != .partial { open.append(false) }
                case .section, .inverted: open.append(true)
                case .close: _ = open.popLast()
                default: continue
                }
            }
        }
        // Templates seen with the page's context alone: those no template calls, then whatever
        // they call outside sections, as long as no template calls it inside one.
        let called = Set(calls.values.flatMap { $0.map(\.name) })
        let inSection = Set(calls.values.flatMap { $0.filter(\.inSection).map(\.name) })
        var alone = Set(templates.keys).subtracting(called)
        var queue = Array(alone)
        while let caller = queue.popLast() {
            for call in calls[caller] ?? [] where !call.inSection && !inSection.contains(call.name) && !alone.contains(call.name) {
                alone.insert(call.name)
                queue.append(call.name)
            }
        }
        // A partial is wrapped when every caller is itself seen alone.
        var callers: [String: Set<String>] = [:]
        for (caller, list) in calls { for call in list { callers[call.name, default: []].insert(caller) } }
        let partials = Set(calls.values.flatMap { $0 }.filter { !$0.inSection }.map(\.name))
        return partials.subtracting(parents).subtracting(inSection).sorted().compactMap { name in
            guard alone.contains(name), callers[name, default: []].isSubset(of: alone) else { return nil }
            let reads = reads(name, templates: templates)
            return reads.qualifies ? (name, reads) : nil
        }
    }
}
