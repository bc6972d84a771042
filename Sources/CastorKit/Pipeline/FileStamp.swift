import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `FileStamp` (when and how big a file was) and the atomic file writes of `SiteStore`.
extension SiteStore {
    /// Writes a file; `atomically` through a temporary file and a rename, so the server
    /// never sends half a page.
    static func write(_ text: String, to path: String, atomically: Bool) throws {
        try writeFile(path, atomically: atomically) { try FileIO.write(text, to: $0) }
    }

    /// Writes bytes the same way (the editable documents).
    static func write(_ data: Data, to path: String, atomically: Bool) throws {
        try writeFile(path, atomically: atomically) { try FileIO.write(data, to: $0) }
    }

    /// Makes the file's folder, then `write`s to the path, or to a temporary file renamed onto it.
    private static func writeFile(_ path: String, atomically: Bool, _ write: (String) throws -> Void) throws {
        let folder = FileTree.folder(of: path)
        if !FileIO.isDirectory(folder) { try FileIO.makeDirectories(folder) }
        guard atomically else { return try write(path) }
        let temporary = folder + "/.castor-tmp-" + (path as NSString).lastPathComponent
        try write(temporary)
        guard rename(temporary, path) == 0 else {
            throw FileIO.Failure(path: path, reason: String(cString: strerror(errno)))
        }
    }

    static func copy(_ source: String, to path: String, atomically: Bool) throws {
        let folder = FileTree.folder(of: path)
        if !FileIO.isDirectory(folder) { try FileIO.makeDirectories(folder) }
        guard atomically else { return try FileIO.copyFile(from: source, to: path) }
        let temporary = folder + "/.castor-tmp-" + (path as NSString).lastPathComponent
        try FileIO.copyFile(from: source, to: temporary)
        guard rename(temporary, path) == 0 else {
            throw FileIO.Failure(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// When and how big a file was: enough to notice that a saved file changed.
public struct FileStamp: Sendable, Hashable {
    let seconds: Int
    let nanoseconds: Int
    let size: Int

    init(_ path: String) {
        var info = stat()
        if stat(path, &info) == 0 {
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
            size = Int(info.st_size)
        } else {
            seconds = -1
            nanoseconds = 0
            size = -1
        }
    }
}
