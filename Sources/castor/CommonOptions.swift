import ArgumentParser
import CastorKit
import Foundation

/// Options shared by the commands that read the content.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "Dossier du contenu (Markdown et site.yml).")
    var content = "content"

    @Option(name: .long, help: "Dossier des gabarits Mustache.")
    var templates = "templates"

    @Option(name: .long, help: ArgumentHelp("Date du jour AAAA-MM-JJ (expiration des annonces, événements à venir).", valueName: "AAAA-MM-JJ"))
    var now: LocalDate?

    /// « Today » in Paris when `--now` is not given.
    var today: LocalDate {
        if let now { return now }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}

/// Prints diagnostics the way editors and volunteers read them: `fichier:ligne:colonne: erreur : …`.
enum Terminal {
    static func printDiagnostics(_ list: DiagnosticList) {
        for diagnostic in list.sorted {
            FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
        }
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value).replacingOccurrences(of: ".", with: ",")
    }
}
