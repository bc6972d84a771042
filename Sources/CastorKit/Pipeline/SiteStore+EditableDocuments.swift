import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The editable documents in the preview: made with the items' Markdown (`renderMarkdown`, so
/// an edited item's document is made again on every path, the fast one included), written
/// when their bytes changed, removed when their item no longer has one.
extension SiteStore {
    func writeEditableDocuments(
        _ documents: [EditableDocument], full: Bool, root: String, atomic: Bool, written newWritten: inout [String: Int],
        outcome: inout Outcome, failures: Locked<[String]>
    ) {
        var names = Set<String>()
        names.reserveCapacity(documents.count)
        for document in documents {
            names.insert(document.file)
            let fingerprint = document.fingerprint
            defer { newWritten[document.file] = fingerprint }
            guard full || written[document.file] != fingerprint else { continue }
            do {
                try SiteStore.write(document.data, to: root + "/" + document.file, atomically: atomic)
                outcome.filesWritten += 1
            } catch {
                failures.withLock { $0.append("\(document.file) : \(error)") }
            }
        }
        for file in lastEditableDocuments where !names.contains(file) {
            newWritten[file] = nil
            if !full, unlink(root + "/" + file) == 0 { outcome.filesRemoved += 1 }
        }
        lastEditableDocuments = names
    }
}
