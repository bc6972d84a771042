/// The slow extra files of a `LiveSite` (the search index), made off the rebuild loop.
extension LiveSite {
    // MARK: - Slow files, off the rebuild loop

    /// Slow files to make from one state of the site, on any thread.
    public struct DeferredJob: Sendable {
        public let generation: Int
        let site: Site
        let plan: SitePlan
        let groups: Set<Builder.ExtraFiles>
        public func run() -> DeferredResult {
            DeferredResult(
                generation: generation,
                files: Builder.ExtraFiles.allCases.filter(groups.contains).map { ($0, Builder.extraFiles(site, plan: plan, groups: [$0])) })
        }
    }

    public struct DeferredResult: Sendable {
        public let generation: Int
        let files: [(Builder.ExtraFiles, [Feeds.File])]
    }

    /// The slow files still to make, if any.
    public func takeDeferredJob() -> DeferredJob? {
        guard let deferred else { return nil }
        return DeferredJob(generation: deferred.generation, site: deferred.site, plan: deferred.plan, groups: deferred.groups)
    }

    /// Writes what a deferred job made, if the site has not changed since; returns what was done.
    @discardableResult
    public func finish(_ result: DeferredResult) -> Outcome? {
        guard let deferred, deferred.generation == result.generation, deferred.generation == generation else { return nil }
        var outcome = Outcome(diagnostics: diagnostics)
        var newWritten = written
        var extraFiles = lastExtraFiles
        let failures = Locked<[String]>([])
        writeExtras(result.files, root: options.output, atomic: true, full: false, written: &newWritten, extraFiles: &extraFiles, outcome: &outcome, failures: failures)
        for problem in failures.withLock({ $0 }) {
            outcome.diagnostics.append(.error(options.output, .unknown, "écriture impossible : \(problem)"))
        }
        written = newWritten
        lastExtraFiles = extraFiles
        self.deferred = nil
        return outcome
    }

    /// Makes the deferred files now (tests, and before the server stops).
    public func flushDeferred() {
        if let job = takeDeferredJob() { finish(job.run()) }
    }
}
