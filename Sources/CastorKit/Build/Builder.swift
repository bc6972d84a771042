import Foundation

/// `castor build` and `castor check`: a fresh site store (`SiteStore`, the one pipeline that
/// `castor serve` keeps) evaluated in full, written through a staging folder swapped in only
/// when every check passed, or only checked.
public struct Builder: Sendable {
    public let options: BuildOptions
    let markdown: MarkdownRenderer

    public init(options: BuildOptions, markdown: MarkdownRenderer = MarkdownRenderer()) {
        self.options = options
        self.markdown = markdown
    }

    /// What `castor check` finds: everything read and checked, nothing written.
    public typealias Checked = SiteStore.Evaluated

    /// Reads and checks everything, reporting every problem at once (with what `castor check`
    /// adds: the inventory, the items leaving soon, the counts); the site when it has no error.
    public func check(report: inout BuildReport) -> Checked? {
        let store = SiteStore(options: options, markdown: markdown, purpose: .check)
        let checked = store.evaluateWithoutWriting()
        report.diagnostics.append(contentsOf: store.diagnostics.items)
        report.steps = store.lastSteps
        report.counts = store.counts
        report.lifecycles = store.lifecycles()
        report.inventory = store.inventory()
        return checked
    }

    /// Builds the site into a staging folder, then swaps it in; on any error the output
    /// folder is left as it was.
    public func build(progress: (String) -> Void = { _ in }) -> BuildReport {
        var report = BuildReport()
        let writer = OutputWriter(output: options.output)
        if let problem = writer.checkPlace(content: options.content, templates: options.templates) {
            report.diagnostics.append(problem)
            return report
        }
        if let note = writer.linkNote { progress(note) }
        // One build at a time per output; what an interrupted build left is put back first.
        let lock: OutputWriter.Lock
        do {
            lock = try writer.lock(waiting: progress)
        } catch {
            report.diagnostics.append(
                .error(options.output, .unknown, "impossible de réserver le dossier de sortie : \(error)",
                    hint: "vérifiez les droits sur le dossier qui contient « \(options.output) »"))
            return report
        }
        defer { lock.release() }
        do {
            if let note = try writer.recover() { progress(note) }
        } catch {
            report.diagnostics.append(
                .error(options.output, .unknown, "impossible de ranger ce qu'une construction précédente a laissé : \(error)",
                    hint: "supprimez vous-même ce dossier, puis relancez la construction"))
            return report
        }
        if let problem = writer.checkContents() {
            report.diagnostics.append(problem)
            return report
        }
        let store = SiteStore(options: options, markdown: markdown, purpose: .build)
        let outcome = store.rebuildAll()
        report.diagnostics.append(contentsOf: outcome.diagnostics.items)
        report.steps = Builder.summarized(outcome.steps)
        report.counts = store.counts
        report.lifecycles = store.lifecycles()
        if !outcome.diagnostics.hasErrors {
            report.pagesWritten = outcome.pagesWritten
            report.filesCopied = outcome.filesCopied
        }
        return report
    }

    /// The store's steps under the names `castor build` prints (and `bench/run.sh` reads):
    /// lecture, vérification, markdown, assemblage, écriture, recherche.
    static func summarized(_ steps: [(name: String, seconds: Double)]) -> [(name: String, seconds: Double)] {
        let names = [
            "diagnostics": "assemblage", "tri": "assemblage", "plan": "assemblage", "empreintes": "assemblage",
            "dossiers": "écriture", "copies": "écriture", "pages": "écriture", "flux": "écriture", "contrôles": "écriture",
        ]
        var result: [(name: String, seconds: Double)] = []
        for (name, seconds) in steps {
            let shown = names[name] ?? name
            if let index = result.firstIndex(where: { $0.name == shown }) {
                result[index].seconds += seconds
            } else {
                result.append((shown, seconds))
            }
        }
        return result
    }
}
