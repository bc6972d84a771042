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
        var qualifies = true
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
