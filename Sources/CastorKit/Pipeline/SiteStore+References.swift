/// References between items: they are checked across every file at each publication
/// (`ReferenceCheck`). A page that shows another item's
/// title through a reference (or lists the items that name it) records those reads
/// (`PageContext+References`): it is rendered again when they change.
extension SiteStore {
    /// The problems of the reference fields, from the entries that hold their address.
    func referenceDiagnostics() -> [Diagnostic] {
        let collections = setup.collections ?? []
        guard collections.contains(where: { !$0.referenceFields.isEmpty }) else { return [] }
        return ReferenceCheck.diagnostics(heldEntries, collections: collections) { [documents] entry in
            documents[entry.relativePath]?.isPublished ?? false
        }
    }

    /// The problems of `footer_pages` in site.yml (`Pipeline.checkFooterPages`).
    func footerDiagnostics() -> [Diagnostic] {
        guard let config else { return [] }
        return Pipeline.checkFooterPages(
            config, collections: setup.collections ?? [], entries: heldEntries, file: loader.display("site.yml")
        ) { [documents] entry in documents[entry.relativePath]?.isPublished ?? false }
    }
}
