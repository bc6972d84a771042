import FlyingFox
import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Stands on the loopback port of `castor serve`, in front of FlyingFox, which listens on a
/// Unix socket inside the private work folder.
///
/// Why it exists: FlyingFox 0.27.1 has no hook to limit what it reads, and two defects a
/// single local client can trigger (to report upstream):
/// - its decoder finds the end of a line by re-reading the whole line at every byte
///   (`collectStrings`: `Sequence.suffix` on the growing buffer): reading a 1 MB request line
///   takes minutes of CPU, with no size limit and no cancellation;
/// - its accept loop ends, closing the listening socket for good and silently, on the first
///   `accept()` error, such as EMFILE when the process runs out of file descriptors.
///
/// So the guard accepts the connections itself and never stops doing so (it holds no more
/// connections than the descriptors allow, and waits when the system refuses one), reads one
/// request head linearly up to fixed sizes (414, 431 beyond them), hands that head alone to
/// FlyingFox and copies the answer back. One request per connection: the answers say
/// `Connection: close`. Of HTTP it only finds where the head ends (the first empty line).
final class RequestGuard: Sendable {
    /// The request line (`GET /adresse HTTP/1.1`), its end of line excluded.
    static let maxRequestLine = 8 * 1024
    /// The header lines after it, ends of lines excluded.
    static let maxHeaderBytes = 8 * 1024
    /// A connection that has not sent a whole head by then is closed.
    static let headTimeout: Duration = .seconds(10)

    let listener: AsyncSocket
    let upstreamPath: String
    let pool: any AsyncSocketPool
    let maxConnections: Int
    let open = Locked(0)
    let lastNotices = Locked<[String: ContinuousClock.Instant]>([:])
    let notice: @Sendable (String) -> Void

    /// Listens on 127.0.0.1:`port`; requests go to FlyingFox on the Unix socket `upstreamPath`.
    init(port: UInt16, upstreamPath: String, notice: @escaping @Sendable (String) -> Void) throws {
        let pool = HTTPServer.defaultPool()
        let socket = try Socket(domain: AF_INET, type: .stream)
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
            try socket.listen()
            listener = try AsyncSocket(socket: socket, pool: pool)
        } catch {
            try? socket.close()
            throw error
        }
        self.pool = pool
        self.upstreamPath = upstreamPath
        self.notice = notice
        maxConnections = RequestGuard.connectionLimit()
    }

    /// Each connection holds three descriptors (the browser's, the guard's to FlyingFox and
    /// FlyingFox's); a margin stays for the rebuilds, which read and write files.
    static func connectionLimit() -> Int {
        var limit = rlimit()
        #if canImport(Glibc)
            let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
            let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return 64 }
        // Asking for more is allowed up to the hard limit; most systems start far below it.
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, 8192)
            if raised.rlim_cur > limit.rlim_cur, setrlimit(resource, &raised) == 0 { limit = raised }
        }
        let soft = Int(min(limit.rlim_cur, 1 << 20))  // RLIM_INFINITY is the largest value
        let used = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count)
            ?? (try? FileManager.default.contentsOfDirectory(atPath: "/dev/fd").count) ?? 32
        return max(4, min(512, (soft - used - 48) / 3))
    }

    /// Readies the descriptor queue; before `run()`.
    func prepare() async throws {
        try await pool.prepare()
    }

    /// Accepts connections until the task is cancelled, then closes the listening socket.
    func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { try? await self.pool.run() }
            while !Task.isCancelled {
                if open.withLock({ $0 >= maxConnections }) {
                    say(
                        "full",
                        "Trop de connexions ouvertes en même temps (\(maxConnections), la limite de ce système) : les suivantes attendent qu'une se ferme.")
                    try? await Task.sleep(for: .milliseconds(20))
                    continue
                }
                do {
                    let client = try await listener.accept()
                    open.withLock { $0 += 1 }
                    group.addTask {
                        await self.serve(client)
                        try? client.close()
                        self.open.withLock { $0 -= 1 }
                    }
                } catch {
                    if Task.isCancelled { break }
                    if case SocketError.failed(_, let code, _) = error, [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(code) {
                        say(
                            "descriptors",
                            "Le système refuse d'ouvrir une connexion de plus (limite de fichiers ouverts atteinte) : le serveur attend qu'une connexion se ferme et continue.")
                    }
                    // A refused or aborted connection: wait a little, never stop accepting.
                    try? await Task.sleep(for: .milliseconds(100))
                }
            }
            group.cancelAll()
        }
        try? listener.close()
    }

    /// A French line on the terminal, at most every 10 seconds for the same cause.
    func say(_ key: String, _ message: String) {
        let now = ContinuousClock.now
        let due = lastNotices.withLock { last -> Bool in
            if let previous = last[key], now - previous < .seconds(10) { return false }
            last[key] = now
            return true
        }
        if due { notice(message) }
    }

    // MARK: - One connection

    func serve(_ client: AsyncSocket) async {
        let head: HeadScanner.Result
        do {
            head = try await RequestGuard.within(RequestGuard.headTimeout) { try await RequestGuard.readHead(client) }
        } catch {
            return  // the client left, or sent nothing in time
        }
        switch head {
        case .refused(let status):
            await refuse(client, status)
        case .complete(let bytes):
            await forward(bytes, from: client)
        }
    }

    /// Answers by itself (the request never reaches FlyingFox), then lets the client finish
    /// sending for a moment, so that it reads the answer instead of a reset connection.
    func refuse(_ client: AsyncSocket, _ status: RequestGuard.Refusal) async {
        try? await client.write(status.response)
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        _ = try? await RequestGuard.within(.seconds(1)) {
            while true { _ = try await client.read(atMost: 65536) }
        }
    }

    func forward(_ head: [UInt8], from client: AsyncSocket) async {
        let socket: Socket
        let server: AsyncSocket
        do {
            socket = try Socket(domain: AF_UNIX, type: .stream)
        } catch {
            await refuse(client, .unavailable)
            return
        }
        do {
            server = try AsyncSocket(socket: socket, pool: pool)
            try await server.connect(to: sockaddr_un.unix(path: upstreamPath))
            try await server.write(Data(head))
        } catch {
            try? socket.close()
            await refuse(client, .unavailable)
            return
        }
        // FlyingFox reads the head, answers, then finds the end of the stream and closes.
        _ = shutdown(socket.file.rawValue, Int32(SHUT_WR))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {  // the answer, to the client
                do {
                    while true { try await client.write(Data(try await server.read(atMost: 65536))) }
                } catch {}
            }
            group.addTask {  // what the client sends next is not read by anyone; its leaving ends all
                do {
                    while true { _ = try await client.read(atMost: 65536) }
                } catch {}
            }
            await group.next()
            group.cancelAll()
        }
        try? server.close()
    }

    static func readHead(_ client: AsyncSocket) async throws -> HeadScanner.Result {
        var scanner = HeadScanner()
        var head: [UInt8] = []
        while true {
            let chunk = try await client.read(atMost: 4096)
            for index in chunk.indices {
                switch scanner.feed(chunk[index]) {
                case .more: continue
                case .complete:
                    head += chunk[...index]
                    return .complete(head)
                case .refused(let status): return .refused(status)
                }
            }
            head += chunk
        }
    }

    /// Runs `body`, cancelled after `limit`: then throws `CancellationError`.
    static func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw CancellationError() }
            return value
        }
    }

    /// The answers the guard gives itself, to requests FlyingFox must not read.
    enum Refusal: Sendable, Equatable {
        case lineTooLong, headersTooLong, unavailable

        var response: Data {
            let (status, text): (String, String)
            switch self {
            case .lineTooLong:
                status = "414 URI Too Long"
                text = "Adresse trop longue : une requête de plus de \(RequestGuard.maxRequestLine / 1024) Kio est refusée.\n"
            case .headersTooLong:
                status = "431 Request Header Fields Too Large"
                text = "En-têtes trop longs : plus de \(RequestGuard.maxHeaderBytes / 1024) Kio sont refusés.\n"
            case .unavailable:
                status = "503 Service Unavailable"
                text = "Le serveur d'aperçu est surchargé : réessayez dans un instant.\n"
            }
            let body = Data(text.utf8)
            let head = "HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
            return Data(head.utf8) + body
        }
    }
}

/// Finds the end of a request head (its first empty line) one byte at a time, and refuses
/// it as soon as the request line or the header lines pass their sizes.
struct HeadScanner {
    enum Result: Sendable, Equatable {
        case complete([UInt8])
        case refused(RequestGuard.Refusal)
    }

    enum Step: Equatable {
        case more, complete
        case refused(RequestGuard.Refusal)
    }

    var inRequestLine = true
    var requestLine = 0
    var headerBytes = 0
    var lineIsEmpty = true

    mutating func feed(_ byte: UInt8) -> Step {
        if byte == 0x0A {  // end of a line
            defer { lineIsEmpty = true }
            if inRequestLine {
                inRequestLine = false
                return .more
            }
            return lineIsEmpty ? .complete : .more
        }
        if byte != 0x0D { lineIsEmpty = false }
        if inRequestLine {
            requestLine += 1
            return requestLine > RequestGuard.maxRequestLine ? .refused(.lineTooLong) : .more
        }
        headerBytes += 1
        return headerBytes > RequestGuard.maxHeaderBytes ? .refused(.headersTooLong) : .more
    }
}
