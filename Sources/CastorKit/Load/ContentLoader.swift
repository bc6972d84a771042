import Foundation

/// Step 1 of the pipeline: find the files, say what each is, read one (split front matter, parse
/// YAML); `SiteStore.evaluate` reads them in parallel.
public struct ContentLoader: Sendable {
    public let contentRoot: String
    /// How paths are shown to the volunteer (`content` as typed on the command line).
    public let displayRoot: String
    public let collections: [CollectionSchema]

    public init(contentRoot: String, displayRoot: String? = nil, collections: [CollectionSchema]) {
        self.contentRoot = contentRoot
        self.displayRoot = displayRoot ?? contentRoot
        self.collections = collections
    }

    public func display(_ relative: String) -> String {
        displayRoot.isEmpty ? relative : (displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative)
    }

    public struct Candidate: Sendable {
        let collection: CollectionSchema
        let relativePath: String
        let group: String?
        let slug: String
        let isBundle: Bool
    }

    /// What a file of the content folder is, from its path alone.
    public enum Classification: Sendable {
        case config
        /// Copied to the site as it is.
        case asset
        case document(Candidate)
        /// Not part of the site, with the warning or error to show, if any.
        case ignored(Diagnostic?)
    }

    /// Classifies a path relative to the content folder.
    public func classify(_ path: String) -> Classification {
        let parts = path.split(separator: "/").map(String.init)
        if parts == ["site.yml"] || parts == [CollectionDeclarations.fileName] { return .config }
        guard path.hasSuffix(".md") else { return parts.count > 1 ? .asset : .ignored(nil) }
        guard parts.count > 1, let collection = collections.first(where: { $0.folder == parts[0] }) else {
            guard parts.count > 1 else { return .ignored(nil) }
            return .ignored(
                .warning(display(path), .unknown, "fichier ignoré : le dossier « \(parts[0]) » n'est pas une collection",
                    hint: "dossiers reconnus (content/collections.yml) : " + collections.map(\.folder).joined(separator: ", ")))
        }
        let inner = Array(parts.dropFirst())
        let groupCount: Int
        if case .grouped = collection.layout { groupCount = 1 } else { groupCount = 0 }
        let group = groupCount == 1 && inner.count > 1 ? inner[0] : nil
        let rest = inner.dropFirst(groupCount)
        if rest.count == 1 {
            return .document(
                Candidate(collection: collection, relativePath: path, group: group,
                    slug: String(rest[rest.startIndex].dropLast(3)), isBundle: false))
        } else if rest.count == 2 && rest.last == "index.md" {
            return .document(
                Candidate(collection: collection, relativePath: path, group: group,
                    slug: rest[rest.startIndex], isBundle: true))
        }
        let expected: String
        if case .grouped(let vocabulary) = collection.layout {
            expected = "\(collection.folder)/<\(vocabulary)>/<nom>.md ou \(collection.folder)/<\(vocabulary)>/<nom>/index.md"
        } else {
            expected = "\(collection.folder)/<nom>.md ou \(collection.folder)/<nom>/index.md"
        }
        return .ignored(
            .error(display(path), .unknown, "emplacement inattendu pour un fichier Markdown", hint: "rangez-le ainsi : \(expected)"))
    }

    /// The text of `site.yml`.
    public func readConfig() -> Result<String, Diagnostic> { readTopFile("site.yml") }

    /// The text of a file at the top of the content folder (`site.yml`, `collections.yml`).
    public func readTopFile(_ name: String) -> Result<String, Diagnostic> {
        do {
            let bytes = try FileIO.read(contentRoot + "/" + name)
            switch TextDecoding.utf8(bytes) {
            case .success(let text): return .success(text)
            case .failure(let error):
                return .failure(
                    .error(display(name), error.position, "le fichier n'est pas encodé en UTF-8",
                        hint: "enregistrez-le en UTF-8 depuis votre éditeur"))
            }
        } catch {
            return .failure(.error(display(name), .unknown, "lecture impossible : \(error.reason)"))
        }
    }

    /// Every regular file under the content folder, sorted, hidden ones and links left out.
    public func listFiles(_ diagnostics: inout [Diagnostic]) -> [String] {
        var links: [String: Bool] = [:]
        return listFiles(&diagnostics, links: &links)
    }

    /// The same, noting every symbolic link and whether it leads outside the content folder.
    public func listFiles(_ diagnostics: inout [Diagnostic], links: inout [String: Bool]) -> [String] {
        var files: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            // An unreadable folder is passed over, as it always was (its files are not listed).
            guard let entries = FileTree.children(of: folder.isEmpty ? contentRoot : contentRoot + "/" + folder) else { continue }
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
                switch entry.kind {
                case .folder: folders.append(path)
                case .file: files.append(path)
                case .link:
                    links[path] = FileTree.firstLink(under: contentRoot, path)?.leavesRoot ?? true
                    diagnostics.append(
                        .warning(display(path), .unknown, "lien symbolique ignoré",
                            hint: "copiez le fichier dans le dossier de contenu plutôt que d'y faire un lien"))
                case .other: continue
                }
            }
        }
        return files.sorted()
    }

    public func read(_ candidate: Candidate) -> Result<SourceDocument, Diagnostic> {
        let shown = display(candidate.relativePath)
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(contentRoot + "/" + candidate.relativePath)
        } catch {
            return .failure(.error(shown, .unknown, "lecture impossible : \(error.reason)"))
        }
        let text: String
        switch TextDecoding.utf8(bytes) {
        case .success(let decoded): text = decoded
        case .failure(let error):
            return .failure(
                .error(shown, error.position, "le fichier n'est pas encodé en UTF-8",
                    hint: "enregistrez-le en UTF-8 (« Unicode (UTF-8) » dans la boîte d'enregistrement de votre éditeur)"))
        }
        let split: FrontMatter
        do {
            split = try FrontMatter.split(text)
        } catch .missingOpening {
            return .failure(
                .error(shown, SourcePosition(line: 1, column: 1), "le fichier doit commencer par une ligne « --- » suivie de l'en-tête",
                    hint: "ajoutez en haut du fichier :\n---\ntitle: Titre\n---"))
        } catch {
            return .failure(
                .error(shown, SourcePosition(line: 1, column: 1), "l'en-tête n'est pas refermé par une ligne « --- »",
                    hint: "ajoutez une ligne « --- » entre l'en-tête et le texte"))
        }
        let tree: YAMLTree?
        do {
            tree = try YAMLReader.read(split.yaml, lineOffset: 1)
        } catch {
            return .failure(.error(shown, error.position, error.message, hint: error.hint))
        }
        return .success(
            SourceDocument(
                collection: candidate.collection, relativePath: candidate.relativePath, displayPath: shown,
                group: candidate.group, slug: candidate.slug, isBundle: candidate.isBundle, frontMatter: tree,
                body: split.body, bodyFirstLine: split.bodyFirstLine,
                warnings: YAMLSourceCheck.cutValues(tree, text: split.yaml, lineOffset: 1, schema: candidate.collection).map {
                    .warning(shown, $0.position, $0.message, hint: $0.hint)
                }))
    }
}
