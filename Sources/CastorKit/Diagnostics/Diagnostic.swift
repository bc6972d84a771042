/// A problem found in the content or the templates, in words a volunteer can act on.
///
/// Every diagnostic carries the file (relative to the project when possible), a 1-based
/// line and column (0 when unknown), a French message and an optional French hint.
public struct Diagnostic: Sendable, Hashable, Error {
    public enum Severity: String, Sendable, Hashable {
        case error = "erreur"
        case warning = "avertissement"
    }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var hint: String?

    public init(
        _ severity: Severity, file: String, line: Int = 0, column: Int = 0,
        _ message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public static func error(
        _ file: String, _ position: SourcePosition = .unknown, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, file: file, line: position.line, column: position.column, message, hint: hint)
    }

    public static func warning(
        _ file: String, _ position: SourcePosition = .unknown, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, file: file, line: position.line, column: position.column, message, hint: hint)
    }

    /// `content/annonces/x.md:4:11: erreur : message` followed by `  conseil : hint`.
    public var formatted: String {
        var location = file
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        var text = "\(location): \(severity.rawValue) : \(message)"
        if let hint { text += "\n  conseil : \(hint)" }
        return text
    }
}

/// A 1-based position in a source file; zero means unknown.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let unknown = SourcePosition(line: 0, column: 0)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Diagnostics gathered by a build step, ordered for display.
public struct DiagnosticList: Sendable, Error {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted by file, then position, then message, so output is stable across runs.
    public var sorted: [Diagnostic] {
        items.sorted {
            ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message)
        }
    }

    /// The French summary line: « 2 erreurs, 1 avertissement ».
    public var summary: String {
        let e = errors.count
        let w = warnings.count
        let errorsText = e == 0 ? "aucune erreur" : (e == 1 ? "1 erreur" : "\(e) erreurs")
        let warningsText = w == 0 ? "aucun avertissement" : (w == 1 ? "1 avertissement" : "\(w) avertissements")
        return "\(errorsText), \(warningsText)"
    }
}
