import ArgumentParser
import CastorKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Affiche le site dans le navigateur et le met à jour à chaque enregistrement.",
        discussion: """
            Construit le site, le sert sur http://127.0.0.1:PORT/, surveille le contenu et les \
            gabarits, reconstruit ce qui a changé et recharge l'onglet ouvert. Tant que le contenu \
            a une erreur, le navigateur affiche la liste des erreurs à la place de la page. \
            Ctrl-C arrête le serveur.
            """)

    @OptionGroup var source: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Port du serveur, sur 127.0.0.1.", valueName: "port"))
    var port: UInt16 = 8000

    @Flag(name: .long, inversion: .prefixedNo, help: "Affiche aussi les brouillons (draft: true) ; --no-drafts pour les cacher.")
    var drafts = true

    @Flag(name: .long, help: "Affiche la durée de chaque étape des reconstructions.")
    var timings = false

    func run() async throws {
        say("Construction du site…")
        let options = BuildOptions(
            content: source.content, templates: source.templates, today: source.today, includeDrafts: drafts)
        let server: PreviewServer
        do {
            let timings = self.timings
            server = try await PreviewServer.start(
                options: options, port: port,
                report: { change, outcome, polling in
                    ServeCommand.report(change, outcome, polling)
                    if timings {
                        say("  étapes : " + outcome.steps.map { "\($0.name) \(Int(($0.seconds * 1000).rounded())) ms" }.joined(separator: ", "))
                    }
                },
                notice: { say($0) })
        } catch {
            Terminal.standardError("erreur : \(error)")
            throw ExitCode.failure
        }
        say("Aperçu : http://127.0.0.1:\(port)/ (Ctrl-C pour arrêter)")
        await Signals.wait(for: [SIGINT, SIGTERM])
        say("\nArrêt du serveur…")
        // Ctrl-C always stops within a second, even if something hangs; a folder left behind
        // is removed by the next `castor serve`.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.9) {
            say("Serveur arrêté (sans attendre la fin du travail en cours).")
            #if canImport(Glibc)
                Glibc.exit(0)
            #else
                Darwin.exit(0)
            #endif
        }
        await server.stop()
        say("Serveur arrêté.")
    }

    /// One line per rebuild; the errors in full, since the volunteer has to fix them.
    static func report(_ change: SiteStore.Change?, _ outcome: SiteStore.Outcome, _ usesPolling: Bool) {
        let time = "\(Int((outcome.seconds * 1000).rounded())) ms"
        if let change {
            var changed = change.contentPaths.sorted()
            if change.templatesChanged { changed.append("gabarits") }
            let shown = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? "…" : "")
            if outcome.published {
                say("Modifié : \(shown) — \(outcome.filesWritten) fichier(s) réécrit(s), \(outcome.filesRemoved) supprimé(s) en \(time).")
            } else {
                say("Modifié : \(shown) — le contenu a des erreurs (\(outcome.diagnostics.summary)) :")
            }
        } else {
            if usesPolling { say("Surveillance des fichiers toutes les 300 ms.") }
            if outcome.published {
                say("Site construit : \(outcome.filesWritten) fichiers en \(time) (\(outcome.diagnostics.summary)).")
            } else {
                say("Le contenu a des erreurs (\(outcome.diagnostics.summary)) :")
            }
        }
        if !outcome.published {
            Terminal.printDiagnostics(DiagnosticList(outcome.diagnostics.errors))
            say("Le navigateur affiche ces erreurs à la place du site jusqu'à ce qu'elles soient corrigées.")
        }
    }
}

/// Writes a line on stdout at once (not buffered: the output is often a pipe).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Waits for a signal (Ctrl-C), with the default action turned off so the server can stop cleanly.
enum Signals {
    static func wait(for signals: [Int32]) async {
        let fired = Locked(false)
        let sources = Locked<[any DispatchSourceSignal]>([])
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    let first = fired.withLock { value -> Bool in
                        defer { value = true }
                        return !value
                    }
                    if first { continuation.resume() }
                }
                source.resume()
                sources.withLock { $0.append(source) }
            }
        }
        sources.withLock { list in
            for source in list { source.cancel() }
        }
    }
}
