import ArgumentParser
import CastorKit
import Foundation

/// Options shared by the commands that read the content.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Dossier du contenu (Markdown et site.yml).", valueName: "dossier"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("Dossier des gabarits Mustache.", valueName: "dossier"))
    var templates = "templates"

    @Option(name: .long, help: ArgumentHelp("Date du jour AAAA-MM-JJ (expiration des annonces, événements à venir).", valueName: "AAAA-MM-JJ"))
    var now: LocalDate?

    /// « Today » in Paris when `--now` is not given.
    var today: LocalDate { ContentOptions.today(now) }

    static func today(_ now: LocalDate?) -> LocalDate {
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

    /// For each collection with a `lifecycle` (the petites annonces): its expired items and
    /// those leaving within 14 days, so volunteers can contact their authors.
    static func lifecycleReport(_ report: BuildReport) -> String? {
        guard !report.lifecycles.isEmpty else { return nil }
        return report.lifecycles.map { collection in
            let expired = collection.expired.count
            var text = collection.label + " : " + (expired == 0
                ? "aucun contenu expiré."
                : (expired == 1 ? "1 contenu expiré n'est pas publié." : "\(expired) contenus expirés ne sont pas publiés."))
            if collection.expiring.isEmpty {
                text += " Aucun n'expire dans les 14 jours."
            } else {
                text += "\n\(collection.label) qui expirent dans les 14 jours (prévenez leurs auteurs) :"
                for item in collection.expiring {
                    text += "\n  - \(item.file) : « \(item.title) », expire le \(French.date(item.expires))"
                }
            }
            return text
        }.joined(separator: "\n")
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value).replacingOccurrences(of: ".", with: ",")
    }
}
