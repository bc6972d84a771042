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

    /// Expired ads and those expiring within 14 days, so volunteers can contact their authors.
    static func adsReport(_ report: BuildReport) -> String {
        let expired = report.expiredAds.count
        var text = expired == 0
            ? "Aucune annonce expirée."
            : (expired == 1 ? "1 annonce expirée n'est pas publiée." : "\(expired) annonces expirées ne sont pas publiées.")
        if report.expiringAds.isEmpty {
            text += " Aucune annonce n'expire dans les 14 jours."
        } else {
            text += "\nAnnonces qui expirent dans les 14 jours (prévenez leurs auteurs) :"
            for ad in report.expiringAds {
                text += "\n  - \(ad.file) : « \(ad.title) », expire le \(French.date(ad.expires))"
            }
        }
        return text
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value).replacingOccurrences(of: ".", with: ",")
    }
}
