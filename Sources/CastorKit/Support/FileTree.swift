import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Real paths, symbolic links and removal of whole folders, for the checks on what Castor
/// reads and replaces.
public enum FileTree {
    /// The absolute path with every symbolic link resolved, `..` applied where it really
    /// leads; the part that does not exist yet is appended as written (it holds no link).
    public static func realPath(_ path: String) -> String {
        let absolute = absolutePath(path)
        var head = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var rest: [String] = []
        while true {
            if let resolved = resolved("/" + head.joined(separator: "/")) {
                return lexicalPath(resolved + "/" + rest.reversed().joined(separator: "/"))
            }
            guard let last = head.popLast() else { return lexicalPath(absolute) }
            rest.append(last)
        }
    }

    /// The absolute path, `.` and `..` applied to the text alone (symbolic links not followed).
    public static func lexicalPath(_ path: String) -> String {
        var parts: [Substring] = []
        for part in absolutePath(path).split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func absolutePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The folder of a file's path (`a/b/c.html` → `a/b`, `c.html` → ``, `/c` → `/`): what
    /// `NSString.deletingLastPathComponent` gives for such paths, without bridging to NSString
    /// (it was 1 % of a build, once per file written). For paths with no trailing or doubled `/`.
    public static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if slash == path.utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// Whether `path` itself is a symbolic link (not followed).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether `path` is a regular file itself (a symbolic link is not).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether something (even a broken link) is at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether `path` is `folder` or inside it (both real paths).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// A symbolic link met on the way from `root` to `root/relative`.
    public struct Link: Sendable, Equatable {
        /// The link, relative to `root`.
        public let path: String
        /// Where it leads, resolved (nil for a broken link).
        public let target: String?
        /// Whether it leads outside `root` (or nowhere).
        public let leavesRoot: Bool
    }

    /// The first symbolic link among the components of `relative` under `root`, or nil.
    public static func firstLink(under root: String, _ relative: String) -> Link? {
        var current = ""
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            current += current.isEmpty ? String(part) : "/" + part
            guard isSymbolicLink(root + "/" + current) else { continue }
            let target = resolved(root + "/" + current)
            let leaves = target.map { !isInside($0, realPath(root)) } ?? true
            return Link(path: current, target: target, leavesRoot: leaves)
        }
        return nil
    }

    /// Removes a folder and everything in it, giving back to its owner the write permission on
    /// read-only folders first (a site copied from a read-only medium, a `chmod -w`).
    /// Symbolic links are removed, never followed.
    public static func remove(_ path: String) throws(FileIO.Failure) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw FileIO.Failure(path: path, reason: FileErrors.lastReason)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if access(path, W_OK | X_OK | R_OK) != 0 { _ = chmod(path, (info.st_mode & 0o7777) | 0o700) }
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw FileIO.Failure(path: path, reason: FileErrors.reasonOnly(error))
            }
            for entry in entries { try remove(path + "/" + entry) }
            guard rmdir(path) == 0 else { throw FileIO.Failure(path: path, reason: FileErrors.lastReason) }
        } else {
            guard unlink(path) == 0 else { throw FileIO.Failure(path: path, reason: FileErrors.lastReason) }
        }
    }

    /// What a folder entry is, as the folder says (a symbolic link is never followed).
    public enum Kind: Sendable, Equatable {
        case folder, file, link, other
    }

    /// The entries of `folder` (hidden ones too; not `.` and `..`) with what each is, or nil
    /// when the folder cannot be read (`errno` says why). One `readdir` pass: Foundation's
    /// enumerator took 0.8 s for the 11,700 files of the benchmark's content folder.
    public static func children(of folder: String) -> [(name: String, kind: Kind)]? {
        guard let handle = opendir(folder) else { return nil }
        defer { closedir(handle) }
        var result: [(name: String, kind: Kind)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            var kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_REG): kind = .file
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN):
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: kind = .folder
                case S_IFREG: kind = .file
                case S_IFLNK: kind = .link
                default: kind = .other
                }
            default: kind = .other
            }
            result.append((name, kind))
        }
        return result
    }
}
