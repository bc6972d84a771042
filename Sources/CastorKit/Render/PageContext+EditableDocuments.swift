/// The link to an item's editable document (`EditableDocuments`), in the context of its page:
/// `editable` (`label`, `url`, `absoluteUrl`, `size`), absent when the item has none.
extension PageContext {
    func addEditableDocument(_ context: inout [String: Any], entry: Entry) {
        guard let document = site.bodies[entry.relativePath]?.document else { return }
        let file = String(document.file.dropFirst(entry.url.count))
        context["editable"] = [
            "label": document.label, "url": entry.url + Escape.urlPath(file),
            "absoluteUrl": site.config.baseURL + entry.url + Escape.urlPath(file),
            "size": French.fileSize(document.data.count), "fileName": file,
        ]
    }
}
