import Yams

/// A YAML value with the position of every node, detached from Yams so it can cross threads.
public indirect enum YAMLTree: Sendable {
    public enum ScalarKind: Sendable { case string, int, float, bool, null, timestamp, quoted }

    case scalar(String, ScalarKind, SourcePosition)
    case list([YAMLTree], SourcePosition)
    case map([Entry], SourcePosition)

    public struct Entry: Sendable {
        public let key: String
        public let keyPosition: SourcePosition
        public let value: YAMLTree
    }

    public var position: SourcePosition {
        switch self {
        case .scalar(_, _, let p), .list(_, let p), .map(_, let p): return p
        }
    }

    public var isNull: Bool {
        if case .scalar(_, .null, _) = self { return true }
        return false
    }

    /// Whether the value says nothing: null, `""`, `[]`, `{}` or a list of such values, as the
    /// web editor writes a field that was cleared.
    public var isEmpty: Bool {
        switch self {
        case .scalar(let text, let kind, _):
            return kind == .null || ((kind == .string || kind == .quoted) && text.allSatisfy(\.isWhitespace))
        case .list(let items, _): return items.allSatisfy(\.isEmpty)
        case .map(let entries, _): return entries.isEmpty
        }
    }

    /// The text of a scalar, nil for lists and maps.
    /// A YAML yes/no value (`true`, `yes`, `on`…, any case), or nil for anything else.
    public var bool: Bool? {
        guard case .scalar(let text, .bool, _) = self else { return nil }
        return ["true", "yes", "on", "y"].contains(text.lowercased())
    }

    public var text: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    public subscript(key: String) -> YAMLTree? {
        guard case .map(let entries, _) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }
}

/// Parses YAML into a `YAMLTree`, reporting problems in French with their line.
public enum YAMLReader {
    /// Above this many nodes the document is refused: aliases (`*a`) can otherwise make a few
    /// lines stand for billions of values.
    public static let nodeBudget = 20_000

    public struct Failure: Error, Sendable {
        public let position: SourcePosition
        public let message: String
        public let hint: String?
    }

    /// - Parameter lineOffset: lines before the YAML text in its file (1 for front matter).
    public static func read(_ text: String, lineOffset: Int) throws(Failure) -> YAMLTree? {
        let node: Node?
        let lines = SourceLines(text)
        do {
            // No resolver rules while parsing: keys and texts are not run through the regular
            // expressions of YAML's types (`convert` asks `Resolver.default` for the scalars
            // that could be typed).
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw translate(error, lines: lines, lineOffset: lineOffset)
        } catch {
            throw Failure(position: .unknown, message: "YAML illisible : \(error)", hint: nil)
        }
        guard let node else { return nil }
        var budget = nodeBudget
        return try convert(node, lines: lines, lineOffset: lineOffset, budget: &budget)
    }

    /// Whether one of the rules of Yams' default resolver (YAML 1.1's booleans, numbers, null,
    /// dates, `<<`, `=`) could match a plain scalar: they all start with a digit, a sign, a dot,
    /// `~`, `<` or `=`, or are a word of at most five letters starting with y, n, t, f or o, or
    /// are empty. Any other scalar is a text without trying its regular expressions, which
    /// were 3.5 % of a build's time. (`Resolver.basic` gives a text, or the tag written.)
    static func mayBeTyped(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
            return true
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return text.utf8.count <= 5
        default:
            return false
        }
    }

    /// libyaml counts columns in Unicode scalars; volunteers count characters.
    static func position(_ mark: Mark?, _ lines: SourceLines, _ lineOffset: Int) -> SourcePosition {
        guard let mark else { return .unknown }
        return SourcePosition(line: mark.line + lineOffset, column: lines.column(line: mark.line, scalarColumn: mark.column))
    }

    static func convert(_ node: Node, lines: SourceLines, lineOffset: Int, budget: inout Int) throws(Failure) -> YAMLTree {
        budget -= 1
        if budget < 0 {
            throw Failure(
                position: position(node.mark, lines, lineOffset),
                message: "l'en-tête YAML est trop gros une fois ses alias (*nom) développés",
                hint: "n'utilisez pas d'ancres (&nom) ni d'alias (*nom) : écrivez les valeurs directement")
        }
        switch node {
        case .scalar(let scalar):
            let kind: YAMLTree.ScalarKind
            if scalar.style != .plain && scalar.style != .any {
                kind = .quoted
            } else {
                let resolver: Resolver = mayBeTyped(scalar.string) ? .default : .basic
                switch resolver.resolveTag(of: node) {
                case .int: kind = .int
                case .float: kind = .float
                case .bool: kind = .bool
                case .null: kind = .null
                case .timestamp: kind = .timestamp
                default: kind = .string
                }
            }
            return .scalar(scalar.string, kind, position(scalar.mark, lines, lineOffset))
        case .sequence(let sequence):
            var items: [YAMLTree] = []
            for item in sequence {
                items.append(try convert(item, lines: lines, lineOffset: lineOffset, budget: &budget))
            }
            return .list(items, position(sequence.mark, lines, lineOffset))
        case .mapping(let mapping):
            var entries: [YAMLTree.Entry] = []
            for (key, value) in mapping {
                let keyText = key.scalar?.string ?? "?"
                entries.append(
                    .init(
                        key: keyText, keyPosition: position(key.mark, lines, lineOffset),
                        value: try convert(value, lines: lines, lineOffset: lineOffset, budget: &budget)))
            }
            return .map(entries, position(mapping.mark, lines, lineOffset))
        case .alias(let alias):
            throw Failure(
                position: position(alias.mark, lines, lineOffset),
                message: "alias YAML (*\(alias.anchor.rawValue)) non pris en charge",
                hint: "écrivez la valeur directement")
        }
    }

    /// libyaml speaks English; volunteers read French.
    static func translate(_ error: YamlError, lines: SourceLines, lineOffset: Int) -> Failure {
        let generalHint =
            "vérifiez l'indentation (des espaces, pas de tabulation), le « : » après chaque nom de champ, et mettez entre guillemets un texte qui contient « : » ou commence par « [ », « { », « * », « & », « # »"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // A quote inside a quoted value breaks the YAML further on; point at the quote.
            let unclosedQuoteLine = context.flatMap { $0.text.contains("quoted scalar") ? $0.mark.line : nil }
            if let mistake = YAMLSourceCheck.quoteMistake(
                lines, upTo: mark.line, unclosedQuoteLine: unclosedQuoteLine, lineOffset: lineOffset)
            {
                return mistake
            }
            // An unclosed bracket or quote is found at the end; point where it was opened.
            var message = "en-tête YAML invalide : \(frenchProblem(problem))"
            var at = mark
            if let context, context.mark.line != mark.line {
                at = context.mark
                message += " (ouvert ici, problème constaté ligne \(mark.line + lineOffset))"
            }
            return Failure(
                position: SourcePosition(line: at.line + lineOffset, column: lines.column(line: at.line, scalarColumn: at.column)),
                message: message,
                hint: generalHint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Failure(
                position: SourcePosition(
                    line: context.mark.line + lineOffset, column: lines.column(line: context.mark.line, scalarColumn: context.mark.column)),
                message: "champ en double dans l'en-tête : \(duplicates.joined(separator: ", "))",
                hint: "gardez une seule ligne par champ")
        case .reader(let problem, _, _, _):
            return Failure(position: .unknown, message: "en-tête YAML illisible : \(problem)", hint: nil)
        default:
            return Failure(position: .unknown, message: "en-tête YAML invalide : \(error)", hint: generalHint)
        }
    }

    static func frenchProblem(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("mapping values are not allowed in this context", "un « : » inattendu (texte à mettre entre guillemets ?)"),
            ("could not find expected ':'", "il manque un « : » après le nom du champ"),
            ("did not find expected key", "indentation incohérente ou élément de liste mal placé"),
            ("found character that cannot start any token", "caractère interdit en début de valeur (une tabulation ?)"),
            ("found undefined alias", "alias (*nom) sans ancre (&nom) correspondante"),
            ("did not find expected node content", "valeur manquante ou mal formée"),
            ("found unexpected end of stream", "fin de l'en-tête inattendue (guillemet ou crochet non fermé ?)"),
            ("found unknown escape character", "séquence d'échappement inconnue dans un texte entre guillemets"),
            ("did not find expected ',' or ']'", "liste entre crochets non fermée : il manque « , » ou « ] »"),
            ("did not find expected ',' or '}'", "dictionnaire entre accolades non fermé : il manque « , » ou « } »"),
            ("block sequence entries are not allowed in this context", "un « - » de liste mal placé (indentation ?)"),
        ]
        for (english, french) in known where problem.contains(english) { return french }
        return problem
    }
}
