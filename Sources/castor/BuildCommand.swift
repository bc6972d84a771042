import ArgumentParser
import CastorKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Construit le site dans le dossier de sortie (remplacé d'un bloc, seulement si tout va bien).")

    @OptionGroup var source: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Dossier de sortie.", valueName: "dossier"))
    var output = "site"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Adresse publique du site (remplace base_url de site.yml).", valueName: "adresse"))
    var baseURL: String?

    @Flag(name: .long, help: "Publie aussi les brouillons (draft: true).")
    var drafts = false

    func run() throws {
        let options = BuildOptions(
            content: source.content, templates: source.templates, output: output, baseURL: baseURL,
            today: source.today, includeDrafts: drafts)
        let report = Builder(options: options).build(progress: { Terminal.standardError($0) })
        Terminal.printDiagnostics(report.diagnostics)
        guard report.succeeded else {
            Terminal.standardError("Échec : \(report.diagnostics.summary). Le dossier « \(output) » n'a pas été modifié.")
            throw ExitCode.failure
        }
        let total = report.steps.reduce(0) { $0 + $1.seconds }
        let counts = report.countsText
        print("Site construit dans « \(output) » : \(report.pagesWritten) pages, \(report.filesCopied) fichiers copiés (\(counts)) en \(Terminal.seconds(total)).")
        print("Étapes : " + report.steps.map { "\($0.name) \(Terminal.seconds($0.seconds))" }.joined(separator: ", "))
        if let lifecycles = Terminal.lifecycleReport(report) { print(lifecycles) }
        if !report.diagnostics.warnings.isEmpty { print(report.diagnostics.summary.capitalizedFirst + ".") }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
