import ArgumentParser
import CastorKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Vérifie le contenu et les gabarits sans rien écrire.",
        discussion: """
            Affiche chaque problème avec son fichier, sa ligne et sa colonne : d'abord les erreurs, \
            puis les avertissements, puis une ligne de bilan. Code de sortie 1 s'il y a au moins une \
            erreur, 0 sinon (les avertissements seuls ne bloquent pas) : utilisable comme crochet \
            pre-commit et en intégration continue. --format json donne le même contenu pour les \
            outils (schéma castor-check/1, décrit dans docs/SPEC-internal.md).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var source: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Format de sortie : text (par défaut) ou json.", valueName: "format"))
    var format: Format = .text

    func run() throws {
        let options = BuildOptions(content: source.content, templates: source.templates, today: source.today)
        var report = BuildReport()
        _ = Builder(options: options).check(report: &report)
        if let inventory = report.inventory {
            report.diagnostics.append(contentsOf: ContentAudit.warnings(inventory, today: options.today))
        }
        switch format {
        case .json:
            print(CheckReport(diagnostics: report.diagnostics, counts: report.counts).json())
        case .text:
            let errors = report.diagnostics.errors
            let warnings = report.diagnostics.warnings
            if !errors.isEmpty {
                Terminal.standardError(errors.count == 1 ? "Erreur :" : "Erreurs :")
                Terminal.printDiagnostics(DiagnosticList(errors))
            }
            if !warnings.isEmpty {
                Terminal.standardError(warnings.count == 1 ? "Avertissement :" : "Avertissements :")
                Terminal.printDiagnostics(DiagnosticList(warnings))
            }
            let counts = report.countsText
            let summary = "Vérification : \(report.diagnostics.summary)" + (counts.isEmpty ? "." : " (\(counts)).")
            if report.diagnostics.hasErrors {
                Terminal.standardError(summary)
            } else {
                print(summary)
            }
        }
        if report.diagnostics.hasErrors { throw ExitCode.failure }
    }
}
