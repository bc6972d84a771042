import FlyingFox
import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `castor serve`: builds the site into a temporary folder, serves it on 127.0.0.1 with
/// FlyingFox, rebuilds what changes on every save and tells the open tabs to reload.
public final class PreviewServer: Sendable {
    public let hub: ReloadHub
    /// The folder served (under the system's temporary folder, removed by `stop()`).
    public let root: String
    public let port: UInt16
    let server: HTTPServer
    let serverTask: Task<Void, Never>
    let guardTask: Task<Void, Never>
    let stopRequested: Locked<Bool>
    let loopFinished: DispatchSemaphore
    let workFolder: String

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case cannotListen(port: UInt16, reason: String)

        public var description: String {
            switch self {
            case .cannotListen(let port, let reason):
                return "impossible d'ouvrir le serveur sur 127.0.0.1:\(port) (\(reason)) ; le port est peut-être déjà pris : essayez --port \(port == 65535 ? 8001 : port + 1)"
            }
        }
    }

    /// How the rebuild loop reports to the terminal: the change (nil for the first build) and what it did.
    public typealias Report = @Sendable (_ change: SiteStore.Change?, _ outcome: SiteStore.Outcome, _ usesPolling: Bool) -> Void

    /// Builds the site, starts watching and serving; returns once the server listens.
    /// - Parameter options: what to build; `output` is ignored (a temporary folder is used)
    ///   and `baseURL` is set to the server's address.
    /// - Parameter notice: French lines for the terminal about the server itself (too many
    ///   connections, a restart).
    /// How long saves must pause before the slow files (the search index) are made again.
    static let slowFilesPause: Duration = .milliseconds(1500)

    public static func start(
        options: BuildOptions, port: UInt16, report: @escaping Report, notice: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> PreviewServer {
        let temporary = FileManager.default.temporaryDirectory.path
        removeStaleWorkFolders(in: temporary)
        let workFolder = temporary + "/" + workFolderPrefix + "\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(
            atPath: workFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var options = options
        options.output = workFolder + "/site"
        options.baseURL = "http://127.0.0.1:\(port)/"
        let hub = ReloadHub()
        let stop = Locked(false)
        let finished = DispatchSemaphore(value: 0)

        // The rebuild loop owns the SiteStore, on a thread of its own: rebuilding is CPU work
        // and the watcher blocks, which Swift's task pool must not do.
        let loopOptions = options
        await withCheckedContinuation { (ready: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                let live = SiteStore(options: loopOptions)
                // The search index reads every text: made on another thread, after the reload.
                live.deferredGroups = [.search]
                let watcher = ContentWatcher(content: loopOptions.content, templates: loopOptions.templates)
                let first = live.rebuildAll()
                PreviewServer.publish(first, to: hub)
                report(nil, first, watcher.usesPolling)
                ready.resume()
                let slowFiles = Locked<SiteStore.DeferredResult?>(nil)
                var slowJobRunning = false
                var lastChange = ContinuousClock.now
                while !stop.withLock({ $0 }) {
                    if let result = slowFiles.withLock({ value -> SiteStore.DeferredResult? in
                        defer { value = nil }
                        return value
                    }) {
                        slowJobRunning = false
                        live.finish(result)  // dropped if the site changed meanwhile; remade below
                    }
                    // Only once saves pause: a job started between two saves would take the
                    // cores from the next rebuild, then be dropped (the site changed meanwhile).
                    if !slowJobRunning, ContinuousClock.now - lastChange >= PreviewServer.slowFilesPause, let job = live.takeDeferredJob() {
                        slowJobRunning = true
                        // A thread of its own (the index spreads its work on the cores).
                        let worker = Thread {
                            let result = job.run()
                            slowFiles.withLock { $0 = result }
                        }
                        worker.name = "castor-search-index"
                        worker.start()
                    }
                    guard let change = watcher.next(timeout: slowJobRunning || live.hasDeferredJob ? 0.05 : 0.25) else { continue }
                    defer { lastChange = ContinuousClock.now }
                    // The tabs reload as soon as the pages are written; feeds and sitemap follow.
                    var signalled = false
                    let outcome = watcher.overflowed
                        ? live.rebuildAll()
                        : live.update(change) { pages in
                            PreviewServer.publish(pages, to: hub)
                            signalled = true
                        }
                    if !signalled || outcome.diagnostics.hasErrors { PreviewServer.publish(outcome, to: hub) }
                    report(change, outcome, watcher.usesPolling)
                }
                finished.signal()
            }
            thread.name = "castor-rebuild"
            thread.stackSize = 8 << 20
            thread.start()
        }

        // FlyingFox answers on a Unix socket of the private work folder; the guard alone
        // listens on the port (see RequestGuard for why).
        let socketPath = workFolder + "/http.sock"
        let server = HTTPServer(address: sockaddr_un.unix(path: socketPath), timeout: 60, logger: .disabled)
        let root = options.output
        await server.appendRoute("*") { request in
            await PreviewServer.respond(to: request, root: root, hub: hub)
        }
        let listening: RequestGuard
        do {
            listening = try RequestGuard(port: port, upstreamPath: socketPath, notice: notice)
            try await listening.prepare()
        } catch {
            stop.withLock { $0 = true }
            finished.wait()
            PreviewServer.removeTree(workFolder)
            throw Failure.cannotListen(port: port, reason: "\(error)")
        }
        // Should FlyingFox stop accepting anyway, it is started again.
        let task = Task {
            while !Task.isCancelled {
                _ = unlink(socketPath)
                do {
                    try await server.run()
                } catch {
                    if Task.isCancelled { break }
                    listening.say("restart", "Le serveur interne s'est arrêté (\(error.localizedDescription)) : il redémarre.")
                }
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            task.cancel()
            stop.withLock { $0 = true }
            finished.wait()
            PreviewServer.removeTree(workFolder)
            throw Failure.cannotListen(port: port, reason: "\(error)")
        }
        let guardTask = Task { await listening.run() }
        return PreviewServer(
            hub: hub, root: root, port: port, server: server, serverTask: task, guardTask: guardTask, stopRequested: stop,
            loopFinished: finished, workFolder: workFolder)
    }

    init(
        hub: ReloadHub, root: String, port: UInt16, server: HTTPServer, serverTask: Task<Void, Never>, guardTask: Task<Void, Never>,
        stopRequested: Locked<Bool>, loopFinished: DispatchSemaphore, workFolder: String
    ) {
        self.hub = hub
        self.root = root
        self.port = port
        self.server = server
        self.serverTask = serverTask
        self.guardTask = guardTask
        self.stopRequested = stopRequested
        self.loopFinished = loopFinished
        self.workFolder = workFolder
    }

    /// Hands a rebuild to the hub before the loop goes on, so versions follow the rebuilds.
    static func publish(_ outcome: SiteStore.Outcome, to hub: ReloadHub) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await hub.publish(outcome)
            done.signal()
        }
        done.wait()
    }

    /// Stops listening, answers the waiting tabs, closes the server and removes the folder,
    /// in well under a second: a rebuild under way is not waited for more than 0.3 s.
    public func stop() async {
        stopRequested.withLock { $0 = true }
        guardTask.cancel()
        await hub.releaseAll()
        serverTask.cancel()
        await server.stop(timeout: 0.2)
        await guardTask.value
        let finished = loopFinished
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                _ = finished.wait(timeout: .now() + 0.3)
                done.resume()
            }
        }
        PreviewServer.removeTree(workFolder)
    }

    static let workFolderPrefix = "castor-serve-"

    /// Removes the work folders `castor serve` left behind when it was killed: those of this
    /// user whose process (the number in the name) is gone. The folder of a running
    /// `castor serve` is never touched, nor anything that is not a plain folder.
    static func removeStaleWorkFolders(in temporary: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary) else { return }
        for name in names where name.hasPrefix(workFolderPrefix) {
            let rest = name.dropFirst(workFolderPrefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0, pid != getpid() else { continue }
            let path = temporary + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid() else { continue }
            // Alive, or someone else's: kept.
            if kill(pid, 0) == 0 || errno != ESRCH { continue }
            removeTree(path)
        }
    }

    /// `rm -rf`, ignoring what cannot be removed (the preview's own work folders).
    static func removeTree(_ path: String) {
        try? FileTree.remove(path)
    }

    // MARK: - Requests

    static func respond(to request: HTTPRequest, root: String, hub: ReloadHub) async -> HTTPResponse {
        let noStore: [(HTTPHeader, String)] = [(.cacheControl, "no-store")]
        if request.path == PreviewPages.reloadPath {
            let known = Int(request.query["version"] ?? "") ?? -1
            let version = await hub.waitForChange(after: known, wait: 25)
            let body = "{\"version\":\(version),\"errors\":\(await hub.hasErrors)}"
            return response(.ok, type: "application/json", body: Data(body.utf8), extra: noStore)
        }
        guard request.method == .GET || request.method == .HEAD else {
            return response(.methodNotAllowed, type: "text/plain; charset=utf-8", body: Data("Méthode non permise.\n".utf8))
        }
        // The raw target: FlyingFox's `path` drops the final slash that folder addresses need.
        // A path that is not plain text (a control character such as %00, which would cut
        // the file name short) is refused.
        let raw = request.target.path(percentEncoded: true)
        guard raw.hasPrefix("/"), let path = raw.removingPercentEncoding,
            !raw.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }),
            !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else {
            return response(.badRequest, type: "text/plain; charset=utf-8", body: Data("Adresse invalide.\n".utf8))
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) {
            return await notFound(root: root, hub: hub)
        }
        var file = root + "/" + parts.joined(separator: "/")
        if parts.isEmpty || path.hasSuffix("/") {
            file += (parts.isEmpty ? "" : "/") + "index.html"
        } else if FileIO.isDirectory(file) {
            // Always a path on this server: `//agenda` must not become `//agenda/`, another host.
            let location = "/" + raw.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/") + "/"
            return response(.movedPermanently, type: "text/plain; charset=utf-8", body: Data(), extra: [(.location, location)])
        }
        let isPage = file.hasSuffix(".html")
        let version = await hub.version
        if isPage, await hub.hasErrors {
            return await errorPage(hub: hub, version: version)
        }
        guard !FileIO.isDirectory(file), let bytes = try? FileIO.read(file) else {
            return await notFound(root: root, hub: hub)
        }
        if isPage {
            let html = PreviewPages.inject(into: String(decoding: bytes, as: UTF8.self), version: version)
            return response(.ok, type: PreviewPages.contentType(of: file), body: Data(html.utf8), extra: noStore)
        }
        return response(.ok, type: PreviewPages.contentType(of: file), body: Data(bytes), extra: noStore)
    }

    static func notFound(root: String, hub: ReloadHub) async -> HTTPResponse {
        let version = await hub.version
        if await hub.hasErrors { return await errorPage(hub: hub, version: version) }
        let page = (try? FileIO.read(root + "/404.html")).map { String(decoding: $0, as: UTF8.self) } ?? "<!doctype html><title>Page introuvable</title><body><h1>Page introuvable</h1></body>"
        return response(
            .notFound, type: "text/html; charset=utf-8", body: Data(PreviewPages.inject(into: page, version: version).utf8),
            extra: [(.cacheControl, "no-store")])
    }

    static func errorPage(hub: ReloadHub, version: Int) async -> HTTPResponse {
        let diagnostics = await hub.diagnostics
        return response(
            .internalServerError, type: "text/html; charset=utf-8",
            body: Data(PreviewPages.errorPage(diagnostics, version: version).utf8), extra: [(.cacheControl, "no-store")])
    }

    static func response(_ status: HTTPStatusCode, type: String, body: Data, extra: [(HTTPHeader, String)] = []) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        // One request per connection: the guard in front hands FlyingFox a single request.
        headers[.connection] = "close"
        for (name, value) in extra { headers[name] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}
