import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Notices saved, added, moved and removed files under the content and templates folders.
///
/// On Linux it asks the kernel (inotify, one watch per folder); where that is not possible
/// (no inotify, too many folders) it compares modification times every 300 ms.
/// `next(timeout:)` blocks: call it from a thread of its own.
public final class ContentWatcher {
    public let content: String
    public let templates: String
    /// Quiet time that ends a burst of events. Only complete files are reported (closed after
    /// writing, moved in), so a short one is enough, unless a file was moved away or deleted:
    /// that may be the first half of a save (vim renames the file to its backup, then writes
    /// the new one), whose second half is waited for longer.
    let settle = 0.005
    let settleAfterRemoval = 0.03

    private var fd: Int32 = -1
    /// Watch descriptor → (true for templates, folder path relative to its root).
    private var watches: [Int32: (templates: Bool, path: String)] = [:]
    private var snapshot: [String: FileStamp] = [:]
    /// Set when the kernel dropped events: the caller rebuilds everything.
    public private(set) var overflowed = false

    public var usesPolling: Bool { fd < 0 }

    public init(content: String, templates: String) {
        self.content = content
        self.templates = templates
        #if os(Linux)
            fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            if fd >= 0 {
                let ok = addWatches(root: content, relative: "", templates: false)
                    && addWatches(root: templates, relative: "", templates: true)
                if !ok {
                    close(fd)
                    fd = -1
                    watches = [:]
                }
            }
        #endif
        if fd < 0 { snapshot = takeSnapshot() }
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    // MARK: - inotify

    #if os(Linux)
        private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ATTRIB)

        /// Watches `relative` under `root` and every folder below; false when the kernel refuses.
        private func addWatches(root: String, relative: String, templates: Bool) -> Bool {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard FileIO.isDirectory(path) else { return true }
            let wd = inotify_add_watch(fd, path, ContentWatcher.mask)
            guard wd >= 0 else { return false }
            watches[wd] = (templates, relative)
            let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for child in children where !child.hasPrefix(".") {
                let childRelative = relative.isEmpty ? child : relative + "/" + child
                var info = stat()
                if lstat(root + "/" + childRelative, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                    guard addWatches(root: root, relative: childRelative, templates: templates) else { return false }
                }
            }
            return true
        }

        /// Reads what is waiting; returns whether a file was moved away or deleted.
        private func drain(into change: inout SiteStore.Change) -> Bool {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var removal = false
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                var offset = 0
                while offset + 16 <= count {
                    let (wd, eventMask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                        (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                            raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                            Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                    }
                    let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset += 16 + length
                    if eventMask & UInt32(IN_Q_OVERFLOW) != 0 {
                        overflowed = true
                        continue
                    }
                    guard let watch = watches[wd] else { continue }
                    if eventMask & UInt32(IN_IGNORED) != 0 {
                        watches[wd] = nil
                        continue
                    }
                    let relative = name.isEmpty ? watch.path : (watch.path.isEmpty ? name : watch.path + "/" + name)
                    if name.hasPrefix(".") { continue }
                    if eventMask & UInt32(IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF) != 0 { removal = true }
                    if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        _ = addWatches(root: watch.templates ? templates : content, relative: relative, templates: watch.templates)
                    }
                    // A file being created is reported again when it is closed.
                    if eventMask & UInt32(IN_CREATE) != 0, eventMask & UInt32(IN_ISDIR) == 0 { continue }
                    if watch.templates {
                        change.templatesChanged = true
                    } else if !relative.isEmpty {
                        change.contentPaths.insert(relative)
                    }
                }
            }
            return removal
        }

        /// Waits up to `milliseconds` for the descriptor to have something to read.
        private func wait(milliseconds: Int32) -> Bool {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            return poll(&descriptor, 1, milliseconds) > 0
        }
    #endif

    // MARK: - Polling

    private func takeSnapshot() -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        var ignored: [Diagnostic] = []
        for (prefix, root) in [("c:", content), ("t:", templates)] where FileIO.isDirectory(root) {
            for path in ContentLoader(contentRoot: root, collections: []).listFiles(&ignored) {
                result[prefix + path] = FileStamp(root + "/" + path)
            }
        }
        return result
    }

    private func compareSnapshot() -> SiteStore.Change {
        let now = takeSnapshot()
        var change = SiteStore.Change()
        for key in Set(now.keys).union(snapshot.keys) where now[key] != snapshot[key] {
            if key.hasPrefix("t:") {
                change.templatesChanged = true
            } else {
                change.contentPaths.insert(String(key.dropFirst(2)))
            }
        }
        snapshot = now
        return change
    }

    // MARK: - Waiting

    /// The next change, once the files have been quiet for a moment; nil when nothing
    /// changed within `timeout` seconds.
    public func next(timeout: Double) -> SiteStore.Change? {
        overflowed = false
        #if os(Linux)
            if fd >= 0 {
                guard wait(milliseconds: Int32(timeout * 1000)) else { return nil }
                var change = SiteStore.Change()
                var removal = drain(into: &change)
                let deadline = ContinuousClock.now + .milliseconds(500)
                while ContinuousClock.now < deadline, wait(milliseconds: Int32((removal ? settleAfterRemoval : settle) * 1000)) {
                    if drain(into: &change) { removal = true }
                }
                return change.isEmpty && !overflowed ? nil : change
            }
        #endif
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: min(0.3, timeout))
            let change = compareSnapshot()
            if !change.isEmpty { return change }
        }
        return nil
    }
}
