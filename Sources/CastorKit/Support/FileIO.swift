import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small POSIX helpers: Foundation's `Data.write` syncs every file, which is far slower
/// for the thousands of small files a site is made of.
public enum FileIO {
    public struct Failure: Error, Sendable {
        public let path: String
        public let reason: String
    }

    public static func write(_ text: String, to path: String) throws(Failure) {
        var copy = text
        let result = copy.withUTF8 { buffer in
            Result { () throws(Failure) in try write(UnsafeRawBufferPointer(buffer), to: path) }
        }
        try result.get()
    }

    public static func write(_ data: Data, to path: String) throws(Failure) {
        let result = data.withUnsafeBytes { buffer in
            Result { () throws(Failure) in try write(buffer, to: path) }
        }
        try result.get()
    }

    public static func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, reason: FileErrors.lastReason) }
        defer { close(fd) }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: FileErrors.lastReason)
            }
            offset += written
        }
    }

    /// Reads a whole file as bytes.
    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, reason: FileErrors.lastReason) }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: FileErrors.lastReason)
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    /// `mkdir -p`, remembering nothing: cheap enough when called once per output folder.
    public static func makeDirectories(_ path: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, reason: FileErrors.reasonOnly(error))
        }
    }

    public static func copyFile(from source: String, to destination: String) throws(Failure) {
        let bytes = try read(source)
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(Failure) in try write(buffer, to: destination) }
        }
        try result.get()
    }

    public static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// Whether a folder is at `path`, links followed (as `FileManager.fileExists(atPath:isDirectory:)`
    /// says, with one `stat`: it runs before every file a build writes).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether something is at `path`, links followed (a broken link is nothing).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}
