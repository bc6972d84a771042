/// The slow extra files of a `SiteStore` (the search index), made off the rebuild loop.
extension SiteStore {
    // MARK: - Slow files, off the rebuild loop

    /// Slow files to make from one state of the site, on any thread.
    public struct DeferredJob: Sendable {
        public let generation: Int
        let site: Site
        let plan: SitePlan
        let groups: Set<Pipeline.ExtraFiles>
        public func run() -> DeferredResult {
            var files: [(Pipeline.ExtraFiles, [Feeds.File])] = []
            var reads: [(Pipeline.ExtraFiles, PageReads)] = []
            for group in Pipeline.ExtraFiles.all(site) where groups.contains(group) {
                let log = ReadLog()
                files.append((group, Pipeline.extraFiles(site, plan: plan, groups: [group], logs: [group: log])))
                reads.append((group, log.recorded))
            }
            return DeferredResult(generation: generation, files: files, reads: reads)
        }
    }

    public struct DeferredResult: Sendable {
        public let generation: Int
        let files: [(Pipeline.ExtraFiles, [Feeds.File])]
        /// What each group read (`SiteStore.graph`).
        let reads: [(Pipeline.ExtraFiles, PageReads)]
    }

    /// Whether slow files are still to make.
    public var hasDeferredJob: Bool { deferred != nil }

    /// The slow files still to make, if any.
    public func takeDeferredJob() -> DeferredJob? {
        guard let deferred else { return nil }
        return DeferredJob(generation: deferred.generation, site: deferred.site, plan: deferred.plan, groups: deferred.groups)
    }

    /// Writes what a deferred job made, if the site has not changed since; returns what was done.
    @discardableResult
    public func finish(_ result: DeferredResult) -> Outcome? {
        guard let deferred, deferred.generation == result.generation else { return nil }
        guard deferred.generation == generation else {
            // Its publication failed after setting it: made again from the next one.
            deferredCarry.formUnion(deferred.groups)
            self.deferred = nil
            return nil
        }
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
        let derived = DerivedFingerprints(site: deferred.site, plan: deferred.plan)
        // Made from the site of that publication: what changed since (a save whose content has
        // errors) makes it stale.
        for (group, reads) in result.reads { recordExtras(group, reads: reads, derived: derived, at: deferred.revision) }
        self.deferred = nil
        return outcome
    }

    /// Makes the deferred files now (tests, and before the server stops).
    public func flushDeferred() {
        if let job = takeDeferredJob() { finish(job.run()) }
    }
}
