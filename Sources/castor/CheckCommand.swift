import ArgumentParser
import CastorKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Vérifie le contenu et les gabarits sans rien écrire.")

    @OptionGroup var source: ContentOptions

    func run() throws {
        let options = BuildOptions(content: source.content, templates: source.templates, today: source.today)
        var report = BuildReport()
        _ = Builder(options: options).check(report: &report)
        Terminal.printDiagnostics(report.diagnostics)
        let counts = report.counts.map { "\($0.count) \($0.label)" }.joined(separator: ", ")
        let summary = "Vérification : \(report.diagnostics.summary)" + (counts.isEmpty ? "." : " (\(counts)).")
        if report.diagnostics.hasErrors {
            Terminal.standardError(summary)
            throw ExitCode.failure
        }
        print(summary)
    }
}
