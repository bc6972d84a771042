import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the site into a staging folder beside the output, then swaps it in whole: a failed
/// build leaves the previous site exactly as it was, and nothing outside the output folder is
/// ever removed.
public struct OutputWriter: Sendable {
    /// The output folder as typed (`site`).
    public let output: String
    public let staging: String
    let previous: String

    /// A file Castor leaves in every site it writes, so it only ever replaces its own work.
    public static let marker = ".castor-site"

    public init(output: String) {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        self.output = url.path
        self.staging = parent + "/." + name + ".castor-tmp"
        self.previous = parent + "/." + name + ".castor-old"
    }

    /// Refuses an output folder that holds the content or the templates, or a folder that
    /// Castor did not write (other than an empty one or one holding only `.gitignore`).
    public func checkSafe(content: String, templates: String) -> Diagnostic? {
        let out = output.hasSuffix("/") ? output : output + "/"
        for (kind, path) in [("contenu", content), ("gabarits", templates)] {
            let other = URL(fileURLWithPath: path).standardizedFileURL.path + "/"
            if other.hasPrefix(out) || out.hasPrefix(other) {
                return .error(
                    output, .unknown, "le dossier de sortie ne peut pas contenir le dossier de \(kind) ni être dedans",
                    hint: "choisissez un autre dossier avec --output, par exemple « site »")
            }
        }
        if output == "/" || output == FileManager.default.homeDirectoryForCurrentUser.path {
            return .error(output, .unknown, "dossier de sortie refusé", hint: "choisissez un dossier dédié, par exemple « site »")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return .error(output, .unknown, "la sortie existe et n'est pas un dossier", hint: "choisissez un autre nom avec --output")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if entries.isEmpty || entries.contains(OutputWriter.marker) || entries == [".gitignore"] { return nil }
        return .error(
            output, .unknown, "le dossier de sortie contient des fichiers que Castor n'a pas produits : il ne sera pas remplacé",
            hint: "videz-le vous-même ou choisissez un autre dossier avec --output")
    }

    public func prepare() throws {
        let manager = FileManager.default
        for stale in [staging, previous] where manager.fileExists(atPath: stale) {
            try manager.removeItem(atPath: stale)
        }
        try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try FileIO.write("Ce dossier est produit par castor build ; il est remplacé à chaque construction.\n", to: staging + "/" + OutputWriter.marker)
    }

    /// Creates every folder the files need, once each.
    public func makeFolders(for files: [String]) throws {
        var folders = Set<String>()
        for file in files {
            var folder = (file as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for folder in folders.sorted() {
            let path = staging + "/" + folder
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw FileIO.Failure(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    public func write(_ text: String, to file: String) throws {
        try FileIO.write(text, to: staging + "/" + file)
    }

    public func copy(from source: String, to file: String) throws {
        try FileIO.copyFile(from: source, to: staging + "/" + file)
    }

    /// Swaps the staging folder in. Files the volunteers keep in the output folder's
    /// `.gitignore` are carried over.
    public func commit() throws {
        let manager = FileManager.default
        let gitignore = output + "/.gitignore"
        if manager.fileExists(atPath: gitignore) {
            try FileIO.copyFile(from: gitignore, to: staging + "/.gitignore")
        }
        if manager.fileExists(atPath: output) {
            guard rename(output, previous) == 0 else {
                throw FileIO.Failure(path: output, reason: String(cString: strerror(errno)))
            }
            guard rename(staging, output) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(previous, output)
                throw FileIO.Failure(path: output, reason: reason)
            }
            try? manager.removeItem(atPath: previous)
        } else {
            guard rename(staging, output) == 0 else {
                throw FileIO.Failure(path: output, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Removes the staging folder after a failure; the output is untouched.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
