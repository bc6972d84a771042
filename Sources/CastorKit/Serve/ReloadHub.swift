import Foundation

/// What the preview shows now, and the browser tabs waiting to hear that it changed.
///
/// Tabs ask `GET /__castor/reload?version=N` and the answer comes when the site moves past
/// version N (or after `wait`, to keep connections fresh): they then reload themselves.
public actor ReloadHub {
    /// Changes at every rebuild that changed something; starts from the time the server
    /// started, so a tab left open across two `castor serve` reloads too.
    public private(set) var version: Int
    /// Problems of the last rebuild; the error page is shown while there are errors.
    public private(set) var diagnostics = DiagnosticList()
    private var waiters: [UUID: CheckedContinuation<Int, Never>] = [:]

    public init() {
        version = Int(Date().timeIntervalSince1970 * 1000)
    }

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// Records a rebuild; wakes the waiting tabs when what they show may have changed.
    public func publish(_ outcome: SiteStore.Outcome) {
        let changed = outcome.filesWritten + outcome.filesRemoved > 0
            || outcome.diagnostics.hasErrors != diagnostics.hasErrors
            || (outcome.diagnostics.hasErrors && outcome.diagnostics.sorted != diagnostics.sorted)
        diagnostics = outcome.diagnostics
        guard changed else { return }
        version += 1
        let waiting = waiters
        waiters = [:]
        for continuation in waiting.values { continuation.resume(returning: version) }
    }

    /// Returns the version once it differs from `known`, or after `wait` seconds.
    public func waitForChange(after known: Int, wait: Double) async -> Int {
        if known != version { return version }
        let id = UUID()
        return await withCheckedContinuation { continuation in
            waiters[id] = continuation
            Task {
                try? await Task.sleep(for: .milliseconds(Int(wait * 1000)))
                self.timeOut(id)
            }
        }
    }

    private func timeOut(_ id: UUID) {
        waiters.removeValue(forKey: id)?.resume(returning: version)
    }

    /// Answers every waiting tab (the server is stopping).
    public func releaseAll() {
        let waiting = waiters
        waiters = [:]
        for continuation in waiting.values { continuation.resume(returning: version) }
    }
}
