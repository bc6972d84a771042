import CastorKit
import Foundation

/// swift-argument-parser writes its own messages and help headings in English, and keeps
/// its error types internal: what it prints is translated here, phrase by phrase. A phrase
/// this table does not know is shown as it is rather than lost; the end-to-end tests
/// (`tests/e2e/test_volunteers.py`) fail if an update of the library changes a phrase.
enum FrenchCLI {
    /// `erreur : …`, the usage line and where to find help, from the library's full message
    /// (`Error: …`, `Help:  …`, `Usage: …`, `  See '…' for more information.`).
    static func error(_ fullMessage: String, message: String) -> String {
        var lines = ["erreur : " + translate(message)]
        var hints: [String] = []
        for line in fullMessage.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("Help:  ") {
                hints.append("  aide : " + String(line.dropFirst("Help:  ".count)))
            } else if line.hasPrefix("Usage: ") {
                lines.append("utilisation : " + String(line.dropFirst("Usage: ".count)))
            } else if let command = capture(line, #"^\s*See '(.+)' for more information\.$"#)?.first {
                lines.append("  conseil : « \(command) » explique chaque option.")
            }
        }
        lines.insert(contentsOf: hints, at: 1)
        return lines.joined(separator: "\n")
    }

    /// The library's error message, in French; a message from Castor itself is left as is.
    static func translate(_ message: String) -> String {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if let parts = capture(text, #"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#) {
            return "option inconnue « \(parts[0]) » ; vouliez-vous écrire « \(parts[1]) » ?"
        }
        if let parts = capture(text, #"^Unknown option '(.+)'$"#) {
            return "option inconnue « \(parts[0]) »"
        }
        if let parts = capture(text, #"^Missing value for '(.+)'$"#) {
            return "valeur manquante après « \(parts[0]) »"
        }
        if let parts = capture(text, #"^Missing expected argument '(.+)'$"#) {
            return "argument manquant : \(parts[0])"
        }
        if let parts = capture(text, #"^Missing one of: (.+)$"#) {
            return "il manque l'un de ces arguments : " + parts[0].replacingOccurrences(of: "'", with: "")
        }
        if let parts = capture(text, #"^Unexpected argument '(.+)'$"#) {
            return "argument en trop : « \(parts[0]) » (pensez aux guillemets autour d'un titre de plusieurs mots)"
        }
        if let parts = capture(text, #"^(\d+) unexpected arguments: (.+)$"#) {
            return "\(parts[0]) arguments en trop : \(parts[1].replacingOccurrences(of: "'", with: "")) (pensez aux guillemets autour d'un titre de plusieurs mots)"
        }
        if let parts = capture(text, #"^The option '(.+)' does not take any value, but '(.*)' was specified\.$"#) {
            return "l'option « \(parts[0]) » ne prend pas de valeur (« \(parts[1]) » donné)"
        }
        if let parts = capture(text, #"^The value '(.*)' is invalid for '(.+?)'(?:\. Please provide one of (.+)\.|: (.+))?$"#, options: .dotMatchesLineSeparators) {
            var result = "valeur « \(parts[0]) » invalide pour « \(parts[1]) »"
            if !parts[2].isEmpty {
                let values = parts[2].replacingOccurrences(of: "'", with: "")
                    .replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " or ", with: ", ")
                result += " ; valeurs possibles : " + values
            } else if !parts[3].isEmpty {
                result += " : " + parts[3]
            }
            return result
        }
        if let parts = capture(text, #"^The value '(.*)' is invalid for '(.+?)'\. Please provide one of the following:\n(.+)$"#, options: .dotMatchesLineSeparators) {
            let values = parts[2].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces).dropFirst(2) }
            return "valeur « \(parts[0]) » invalide pour « \(parts[1]) » ; valeurs possibles : " + values.joined(separator: ", ")
        }
        if text == "Missing required subcommand." { return "commande manquante" }
        if text.hasPrefix("Value to be set with ") { return "la même option est donnée deux fois" }
        if let parts = capture(text, #"^Invalid option: (.+)$"#) { return "option invalide : « \(parts[0]) »" }
        return text
    }

    /// The library's help page with its headings and built-in phrases in French.
    static func help(_ text: String) -> String {
        var result = text
        let replacements: [(String, String)] = [
            ("OVERVIEW:", "RÉSUMÉ :"),
            ("USAGE:", "UTILISATION :"),
            ("ARGUMENTS:", "ARGUMENTS :"),
            ("OPTIONS:", "OPTIONS :"),
            ("SUBCOMMANDS:", "COMMANDES :"),
            ("Show help information.", "Affiche cette aide."),
            ("Show the version.", "Affiche la version de castor."),
            ("<subcommand>", "<commande>"),
            (" (default) ", " (défaut)  "),
        ]
        for (english, french) in replacements { result = result.replacingOccurrences(of: english, with: french) }
        result = replace(result, #"See '(.+) help (.*)<commande>' for detailed help\."#, with: "L'aide d'une commande : $1 help $2<commande>, ou $1 $2<commande> --help.")
        result = replace(result, #"\(values: ([^;)]+); default: ([^)]+)\)"#, with: "(valeurs : $1 ; par défaut : $2)")
        result = replace(result, #"\(values: ([^)]+)\)"#, with: "(valeurs : $1)")
        result = replace(result, #"\(default:(\s+)([^)]+)\)"#, with: "(par défaut :$1$2)")
        return result
    }

    /// `castor frobnicate`: the parser would read it as an extra argument of the default
    /// command (`build`); say instead that the command is unknown.
    static func unknownCommand(_ arguments: [String], known: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help", !known.contains(first) else { return nil }
        var text = "erreur : commande inconnue « \(first) »"
        if let near = Validator.nearest(first, in: known, within: 3) {
            text += " ; vouliez-vous écrire « \(near) » ?"
        }
        text += "\n  conseil : les commandes sont " + known.joined(separator: ", ") + " ; castor --help les décrit."
        return text
    }

    // MARK: - Helpers

    static func capture(_ text: String, _ pattern: String, options: NSRegularExpression.Options = []) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: options),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return (1..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    static func replace(_ text: String, _ pattern: String, with template: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
