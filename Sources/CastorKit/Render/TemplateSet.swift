import Foundation
import Mustache

/// The Mustache templates of `templates/`, loaded and checked before anything is rendered:
/// swift-mustache renders an unknown template name as nothing, so every name used is
/// verified here.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    public let names: Set<String>
    /// The text of every template, to point at the line that writes a broken link.
    public var sources: [Source] = []
    /// The partials cards render once per build (`CardPartials`), when the templates allow it.
    public internal(set) var cards: CardPartials?
    /// The partials pages render once for the same values (`PagePartials`), when the templates allow it.
    public internal(set) var pages: PagePartials?
    /// Which templates each one may use, and their texts' fingerprints (`TemplateUses`).
    public internal(set) var uses = TemplateUses()

    public struct Source: Sendable {
        /// As shown in messages (`templates/partials/footer.mustache`).
        public let file: String
        public let text: String
    }

    public init(library: MustacheLibrary, names: Set<String>, sources: [Source] = []) {
        self.library = library
        self.names = names
        self.sources = sources
    }

    public static let required = ["base", "home", "event", "page", "list", "terms", "share", "recherche", "404"]

    /// swift-mustache's own HTML escaping walks characters through a dictionary and was a
    /// fifth of the build; every template is parsed with this faster, equivalent escaping.
    struct HTMLEscaping: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.xml(text) }
    }

    static let contentTypeName = "CASTOR_HTML"
    /// On a line of its own, which Mustache removes as a standalone tag; messages subtract it.
    static let pragma = "{{% CONTENT_TYPE: \(contentTypeName) }}\n"
    static let textPragma = "{{% CONTENT_TYPE: TEXT }}\n"

    public static func load(from directory: String, displayRoot: String, required: [String] = TemplateSet.required)
        -> (TemplateSet?, [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        guard FileIO.isDirectory(directory) else {
            return (nil, [.error(displayRoot, .unknown, "dossier des gabarits introuvable", hint: "indiquez-le avec --templates CHEMIN")])
        }
        MustacheContentTypes.register(HTMLEscaping(), named: contentTypeName)
        var library = MustacheLibrary()
        var names: Set<String> = []
        var sources: [Source] = []
        var references: [(file: String, position: SourcePosition, name: String)] = []
        var texts: [String: String] = [:]
        let manager = FileManager.default
        let files = (manager.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        for path in files {
            let name = String(path.dropLast(".mustache".count))
            let shown = displayRoot + "/" + path
            let text: String
            do {
                let bytes = try FileIO.read(directory + "/" + path)
                guard let decoded = String(validating: bytes, as: UTF8.self) else {
                    diagnostics.append(.error(shown, .unknown, "le gabarit n'est pas encodé en UTF-8"))
                    continue
                }
                text = decoded
            } catch {
                diagnostics.append(.error(shown, .unknown, "lecture impossible : \(error.reason)"))
                continue
            }
            do {
                // `<name>.txt.mustache` (the e-mails' text part): plain text, nothing escaped.
                let pragma = name.hasSuffix(".txt") ? TemplateSet.textPragma : TemplateSet.pragma
                library.register(try MustacheTemplate(string: pragma + text), named: name)
                names.insert(name)
                texts[name] = text
                sources.append(Source(file: shown, text: text))
                references += TemplateSet.references(in: text).map { (shown, $0.position, $0.name) }
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        shown,
                        SourcePosition(
                            line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                        "gabarit invalide : \(TemplateSet.describe(error.error))",
                        hint: "vérifiez que chaque {{#section}} est refermée par {{/section}} avec le même nom"))
            } catch {
                diagnostics.append(.error(shown, .unknown, "gabarit invalide : \(error)"))
            }
        }
        for name in required where !names.contains(name) && !files.contains(name + ".mustache") {
            diagnostics.append(
                .error(displayRoot + "/" + name + ".mustache", .unknown, "gabarit obligatoire manquant",
                    hint: "Castor a besoin des gabarits : " + required.joined(separator: ", ")))
        }
        for reference in references where !names.contains(reference.name) {
            diagnostics.append(
                .error(reference.file, reference.position, "le gabarit « \(reference.name) » appelé ici n'existe pas",
                    hint: "créez \(displayRoot)/\(reference.name).mustache ou corrigez le nom"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        let cards = CardPartials(library: &library, templates: texts, pragma: TemplateSet.pragma)
        let pages = PagePartials(library: &library, templates: texts, pragma: TemplateSet.pragma)
        var set = TemplateSet(library: library, names: names, sources: sources)
        set.cards = cards
        set.pages = pages
        set.uses = TemplateUses(texts: texts)
        return (set, diagnostics)
    }

    /// Names used by partials `{{>name}}` and parents `{{<name}}`, with their position.
    static func references(in text: String) -> [(name: String, position: SourcePosition)] {
        var found: [(String, SourcePosition)] = []
        var line = 1
        for lineText in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = lineText[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...].drop(while: { $0 == " " })
                guard let sigil = after.first, sigil == ">" || sigil == "<" else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let nameStart = after.dropFirst().drop(while: { $0 == " " })
                guard let close = nameStart.range(of: "}}") else { break }
                let name = nameStart[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = lineText.distance(from: lineText.startIndex, to: open.lowerBound) + 1
                if !name.isEmpty, !name.hasPrefix("*") { found.append((name, SourcePosition(line: line, column: column))) }
                rest = nameStart[close.upperBound...]
            }
            line += 1
        }
        return found
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "une section est refermée avec un autre nom"
        case MustacheTemplate.Error.unfinishedName: return "balise {{…}} non terminée"
        case MustacheTemplate.Error.expectedSectionEnd: return "section ouverte mais jamais refermée"
        case MustacheTemplate.Error.invalidSetDelimiter: return "changement de délimiteurs invalide"
        case MustacheTemplate.Error.illegalTokenInsideInheritSection, MustacheTemplate.Error.textInsideInheritSection:
            return "seuls des blocs {{$nom}}…{{/nom}} sont permis dans un héritage {{<gabarit}}"
        default: return "\(error)"
        }
    }

    public func render(_ context: [String: Any], template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
