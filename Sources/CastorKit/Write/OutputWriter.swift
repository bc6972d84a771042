import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the site into a staging folder beside the output, then swaps it in whole: a failed
/// build leaves the previous site exactly as it was, and nothing outside the output folder is
/// ever removed.
///
/// The output is taken as its real path: a symbolic link on the way (or the output itself being
/// a link to a folder) is followed, so the safety checks see where the files really go, and a
/// link named as the output stays a link to the new site. Beside the real folder live the
/// staging folder (`.site.castor-tmp`), the previous site during the swap (`.site.castor-old`)
/// and the lock file that keeps two builds apart (`.site.castor-lock`).
public struct OutputWriter: Sendable {
    /// The output folder as typed (`site`), for messages.
    public let shown: String
    /// The real output folder, symbolic links resolved.
    public let output: String
    public let staging: String
    let previous: String
    let lockFile: String
    let parent: String

    /// A file Castor leaves in every site it writes, so it only ever replaces its own work.
    public static let marker = ".castor-site"

    public init(output: String) {
        shown = output
        let real = FileTree.realPath(output)
        let url = URL(fileURLWithPath: real)
        let name = url.lastPathComponent
        parent = url.deletingLastPathComponent().path
        self.output = real
        let base = (parent.hasSuffix("/") ? parent : parent + "/") + "." + name
        staging = base + ".castor-tmp"
        previous = base + ".castor-old"
        lockFile = base + ".castor-lock"
    }

    /// A note when the output as typed goes through a symbolic link, saying where the site goes.
    public var linkNote: String? {
        FileTree.lexicalPath(shown) == output ? nil : "« \(shown) » passe par un lien symbolique : le site est construit dans « \(output) »"
    }

    /// Refuses an output folder that holds the content or the templates (or is inside them),
    /// the root or home folder, and a broken symbolic link. Real paths are compared.
    public func checkPlace(content: String, templates: String) -> Diagnostic? {
        for (kind, path) in [("contenu", content), ("gabarits", templates)] {
            let other = FileTree.realPath(path)
            if FileTree.isInside(other, output) || FileTree.isInside(output, other) {
                return .error(
                    shown, .unknown, "le dossier de sortie ne peut pas contenir le dossier de \(kind) ni être dedans",
                    hint: linkNote == nil
                        ? "choisissez un autre dossier avec --output, par exemple « site »"
                        : "« \(shown) » mène en réalité à « \(output) » (lien symbolique) ; choisissez un autre dossier avec --output, par exemple « site »")
            }
        }
        if output == "/" || output == FileTree.realPath(FileManager.default.homeDirectoryForCurrentUser.path) {
            return .error(shown, .unknown, "dossier de sortie refusé", hint: "choisissez un dossier dédié, par exemple « site »")
        }
        if FileTree.isSymbolicLink(output) {
            return .error(
                shown, .unknown, "la sortie est un lien symbolique vers un dossier qui n'existe pas",
                hint: "créez le dossier visé par le lien, supprimez le lien, ou choisissez un autre dossier avec --output")
        }
        return nil
    }

    /// Refuses an output that is not a folder, or a folder that Castor did not write (other
    /// than an empty one or one holding only `.gitignore`).
    public func checkContents() -> Diagnostic? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return .error(shown, .unknown, "la sortie existe et n'est pas un dossier", hint: "choisissez un autre nom avec --output")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if entries.isEmpty || entries.contains(OutputWriter.marker) || entries == [".gitignore"] { return nil }
        return .error(
            shown, .unknown, "le dossier de sortie contient des fichiers que Castor n'a pas produits : il ne sera pas remplacé",
            hint: "videz-le vous-même ou choisissez un autre dossier avec --output")
    }

    /// Holds the output for one build; released by `release()` or when the process ends.
    public struct Lock: Sendable {
        let descriptor: Int32
        public func release() { close(descriptor) }
    }

    /// Takes the output for this build. When another build holds it, says so through `waiting`
    /// and waits for its end: two builds never write into one output at once.
    public func lock(waiting: (String) -> Void) throws(FileIO.Failure) -> Lock {
        try FileIO.makeDirectories(parent)
        let descriptor = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileIO.Failure(path: lockFile, reason: FileErrors.lastReason) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK else {
                close(descriptor)
                throw FileIO.Failure(path: lockFile, reason: FileErrors.reason(code))
            }
            waiting("une autre construction de « \(shown) » est en cours : attente de sa fin…")
            while flock(descriptor, LOCK_EX) != 0 {
                let code = errno
                guard code == EINTR else {
                    close(descriptor)
                    throw FileIO.Failure(path: lockFile, reason: FileErrors.reason(code))
                }
            }
        }
        return Lock(descriptor: descriptor)
    }

    /// Puts back what an interrupted build left: the previous site when the output is missing
    /// (a crash between the two renames of `commit`); leftover staging and previous folders
    /// are removed, read-only folders included. Returns a note when the site was put back.
    @discardableResult
    public func recover() throws(FileIO.Failure) -> String? {
        var note: String?
        if !FileTree.exists(output) && FileTree.exists(previous) {
            guard rename(previous, output) == 0 else { throw FileIO.Failure(path: previous, reason: FileErrors.lastReason) }
            note = "une construction précédente s'est interrompue avant la fin : l'ancien site a été remis en place dans « \(shown) »"
        }
        try FileTree.remove(staging)
        try FileTree.remove(previous)
        return note
    }

    public func prepare() throws(FileIO.Failure) {
        try recover()
        try FileIO.makeDirectories(staging)
        try FileIO.write("Ce dossier est produit par castor build ; il est remplacé à chaque construction.\n", to: staging + "/" + OutputWriter.marker)
    }

    /// Creates every folder the files need, once each.
    public func makeFolders(for files: [String]) throws(FileIO.Failure) {
        try makeFolders(OutputWriter.folders(of: files))
    }

    /// Every folder `files` need, their parents included, once each, parents first.
    public static func folders(of files: [String]) -> [String] {
        var folders = Set<String>()
        for file in files {
            var folder = FileTree.folder(of: file)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = FileTree.folder(of: folder)
            }
        }
        return folders.sorted()
    }

    /// Creates `folders` in the staging folder, in this order (a parent before its children).
    public func makeFolders(_ folders: [String]) throws(FileIO.Failure) {
        for folder in folders {
            let path = staging + "/" + folder
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw FileIO.Failure(path: path, reason: FileErrors.lastReason)
            }
        }
    }

    public func write(_ text: String, to file: String) throws(FileIO.Failure) {
        try FileIO.write(text, to: staging + "/" + file)
    }

    public func copy(from source: String, to file: String) throws(FileIO.Failure) {
        try FileIO.copyFile(from: source, to: staging + "/" + file)
    }

    /// Swaps the staging folder in. Files the volunteers keep in the output folder's
    /// `.gitignore` are carried over. Returns a warning when the previous site could not be
    /// removed (the next build removes it).
    @discardableResult
    public func commit() throws(FileIO.Failure) -> String? {
        let gitignore = output + "/.gitignore"
        if FileManager.default.fileExists(atPath: gitignore) {
            try FileIO.copyFile(from: gitignore, to: staging + "/.gitignore")
        }
        guard FileTree.exists(output) else {
            guard rename(staging, output) == 0 else { throw FileIO.Failure(path: output, reason: FileErrors.lastReason) }
            return nil
        }
        guard rename(output, previous) == 0 else {
            throw FileIO.Failure(path: output, reason: FileErrors.lastReason)
        }
        guard rename(staging, output) == 0 else {
            let reason = FileErrors.lastReason
            _ = rename(previous, output)
            throw FileIO.Failure(path: output, reason: reason)
        }
        do {
            try FileTree.remove(previous)
        } catch {
            return "l'ancien site n'a pas pu être supprimé (\(error)) ; la prochaine construction réessaiera"
        }
        return nil
    }

    /// Removes the staging folder after a failure; the output is untouched.
    public func discard() {
        try? FileTree.remove(staging)
    }
}
