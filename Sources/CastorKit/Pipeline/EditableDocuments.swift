import Foundation

/// An item's editable document (`odt:` in collections.yml): an OpenDocument text made from its
/// Markdown, written beside its page and offered there.
public struct EditableDocument: Sendable, Hashable {
    /// Path in the site (`<prefix><group>/<slug>/<slug>-modifiable.odt`).
    public let file: String
    public let data: Data
    /// The link's text on the page.
    public let label: String
    /// A hash of `data`, made once: the preview compares it at every publication.
    public let fingerprint: Int

    public init(file: String, data: Data, label: String) {
        self.file = file
        self.data = data
        self.label = label
        var hasher = Hasher()
        hasher.combine(data)
        fingerprint = hasher.finalize()
    }
}

/// Which items get an editable document, under which name, made how.
public enum EditableDocuments {
    /// The end of a document's name: `<slug>-modifiable.odt`, so that it never takes the name of
    /// the hand-made `<slug>.odt` a folder item may hold as an attachment. Any other content
    /// file of that name is an error of the build (`OutputPaths`), never silently replaced.
    public static let suffix = "-modifiable.odt"

    /// The declaration that gives this entry a document, or nil.
    public static func declaration(for entry: Entry) -> EditableDocumentDeclaration? {
        guard let declaration = entry.collection.publishing.editableDocuments, declaration.covers(group: entry.group) else { return nil }
        return declaration
    }

    /// Where the document of `entry` goes in the site: in its page's folder.
    public static func file(for entry: Entry) -> String {
        entry.url + entry.slug + suffix
    }

    /// The date that versions the document (its entries' date in the ZIP, its properties): the
    /// date of the collection's order field, else its first date field that the item fills.
    static func date(of entry: Entry) -> LocalDate? {
        let schema = entry.collection
        if let order = schema.publishing.order, let day = entry[order.field]?.day { return day }
        for field in schema.fields where field.type == .date {
            if let day = entry[field.key]?.day { return day }
        }
        return nil
    }

    /// The address a link of the document leads to: absolute (a document has no page around
    /// it), or nil to keep only the link's text (no address, e-mail and phone links: contacts
    /// stay off generated files).
    static func absoluteLink(_ url: String, pageURL: String) -> String? {
        guard !url.isEmpty else { return nil }
        let lower = url.lowercased()
        if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") || lower.hasPrefix("sms:") { return nil }
        guard let page = URL(string: pageURL), let target = URL(string: url, relativeTo: page) else { return nil }
        return target.absoluteURL.absoluteString
    }
}

extension Pipeline {
    /// `body` with the editable document of `entry` when its declaration asks for one; a
    /// package that cannot be made is an error of the item. `resolve` resolves a link as on its page.
    /// `shared`: what every document of a site has (`styles.xml` of `ODTWriter.styles(language:)`
    /// and the parts made from it), made once by the caller.
    func withEditableDocument(
        _ body: RenderedMarkdown, entry: Entry, config: SiteConfig, shared: ODTPackage.Shared,
        resolve: (String, SourcePosition) -> LinkResolution
    ) -> RenderedMarkdown {
        guard let declaration = EditableDocuments.declaration(for: entry) else { return body }
        let pageURL = config.baseURL + entry.url
        let literal = ContactMask.literalContacts(entry.fields, collection: entry.collection)
        let mask: (String) -> String = { ContactMask.masked($0, literal: literal) }
        let xml = markdown.openDocumentBody(
            entry.body, firstLine: entry.bodyFirstLine, resolve: resolve,
            link: { EditableDocuments.absoluteLink($0, pageURL: pageURL) }, mask: mask)
        let day = EditableDocuments.date(of: entry)
        var metadata = ODTWriter.Metadata(title: entry.title, summary: entry.summary)
        metadata.authors = entry["authors"]?.list ?? []
        metadata.date = day?.iso
        metadata.language = config.language
        metadata.source = pageURL
        metadata.siteTitle = config.title
        var result = body
        do {
            let data = try ODTPackage.zip(
                content: ODTWriter.content(body: xml, metadata: metadata), meta: ODTWriter.meta(metadata), day: day,
                shared: shared)
            result.document = EditableDocument(file: EditableDocuments.file(for: entry), data: data, label: declaration.label)
        } catch {
            result.diagnostics.append(
                .error(entry.displayPath, .unknown, "impossible de fabriquer le document modifiable (.odt) : \(error.reason)",
                    hint: "signalez-le à l'équipe technique ; en attendant, retirez « odt » de la collection dans collections.yml"))
        }
        return result
    }
}

extension Site {
    /// The editable documents of the published items, in the order of their paths.
    public var editableDocuments: [EditableDocument] {
        bodies.values.compactMap(\.document).sorted { $0.file < $1.file }
    }
}

extension OutputWriter {
    /// Writes the documents into the staging folder, in parallel; failures are added to `failures`.
    func write(_ documents: [EditableDocument], failures: Locked<[String]>) {
        _ = documents.parallelMap { document -> Bool in
            do { try FileIO.write(document.data, to: staging + "/" + document.file) } catch {
                failures.withLock { $0.append("\(document.file) : \(FileErrors.reasonOnly(error))") }
            }
            return true
        }
    }
}
