/// References between items in the preview: they are checked across every file at each
/// publication, as `Builder.check` does (`ReferenceCheck`), and a page that shows another
/// item's title through a reference (or lists the items that name it) is rendered again when
/// that item's card changes (`referenceStamp`).
extension LiveSite {
    /// The problems of the reference fields, from the entries that hold their address.
    func referenceDiagnostics() -> [Diagnostic] {
        let collections = setup.collections ?? []
        guard collections.contains(where: { !$0.referenceFields.isEmpty }) else { return [] }
        let entries = orderedPaths.compactMap { entriesByPath[$0] }
        return ReferenceCheck.diagnostics(entries, collections: collections) { [documents] entry in
            documents[entry.relativePath]?.isPublished ?? false
        }
    }

    /// The card stamps of the items a page shows through references: those its item names and
    /// those that name it; 0 when there are none.
    func referenceStamp(_ path: String, references: ReferenceIndex) -> Int {
        guard let related = references.related[path], !related.isEmpty else { return 0 }
        var hasher = Hasher()
        for other in related { hasher.combine(documents[other]?.cardStamp ?? 0) }
        return hasher.finalize()
    }
}
