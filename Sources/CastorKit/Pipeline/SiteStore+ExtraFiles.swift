import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files of a `SiteStore` that are not pages (feeds, calendars, sitemap, exports, e-mails,
/// the web editor, the search index): each group is made again when what it read changed.
extension SiteStore {
    /// Makes the feeds, calendars, sitemap and robots.txt again when what they read changed (each
    /// group records its reads when made, as pages do), and writes them when they differ (or
    /// leaves the slow ones to a deferred job); returns the files of each group, and the seconds
    /// the search index took (`castor build` shows them apart). `only`: these groups, no other.
    func makeExtras(
        site: Site, plan: SitePlan, templates: TemplateSet, references: ReferenceIndex, derived: DerivedFingerprints,
        premade: [Pipeline.ExtraFiles: [Feeds.File]], only: Set<Pipeline.ExtraFiles>? = nil, fast: Bool = false, full: Bool, root: String,
        atomic: Bool, written newWritten: inout [String: Int], outcome: inout Outcome, failures: Locked<[String]>
    ) -> (files: [Pipeline.ExtraFiles: Set<String>], searchSeconds: Double) {
        var groups = Set<Pipeline.ExtraFiles>()
        let all = Pipeline.ExtraFiles.all(site)
        // On the fast path the derived values are unchanged: a group whose reads name no changed
        // item is unchanged too (its fingerprint is not even computed).
        let changed = fast ? pendingEntries.union(pendingBodies).union(changedCards) : nil
        for group in all where only?.contains(group) ?? true {
            guard !full, let memo = extraMemos[group] else {
                groups.insert(group)
                continue
            }
            if let changed, memo.paths.isDisjoint(with: changed) { continue }
            // A slow group still pending is made again anyway: its fingerprint (every item's
            // text, for the search index) is not worth computing.
            if deferredGroups.contains(group) && deferredCarry.contains(group) {
                groups.insert(group)
                continue
            }
            if extraFingerprint(memo.reads, derived: derived) != memo.fingerprint { groups.insert(group) }
        }
        // Slow groups (the search index) may be left to `takeDeferredJob`, off the rebuild loop.
        let later = full ? [] : groups.intersection(deferredGroups)
        var newExtraFiles = lastExtraFiles
        var searchSeconds = 0.0
        for group in all where groups.contains(group) && !later.contains(group) {
            let start = ContinuousClock.now
            let log = remembers ? ReadLog() : nil
            let files = premade[group] ?? Pipeline.extraFiles(
                site, plan: plan, groups: [group], logs: log.map { [group: $0] } ?? [:], templates: templates, references: references)
            if let log { recordExtra(group, reads: log.recorded, derived: derived) }
            // One group at a time: the search index's texts are let go before the next is made.
            writeExtras([(group, files)], root: root, atomic: atomic, full: full, written: &newWritten, extraFiles: &newExtraFiles, outcome: &outcome, failures: failures)
            if group == .search { searchSeconds = Self.seconds(since: start) }
        }
        let pending = later.union(deferredCarry)
        if full {
            deferred = nil
            deferredCarry = []
        } else if !pending.isEmpty {
            deferred = (generation + 1, site, plan, pending)
            deferredCarry = []
        }
        return (newExtraFiles, searchSeconds)
    }

    /// The fingerprint of what a group of extra files read, with the items' current stamps.
    func extraFingerprint(_ reads: PageReads, derived: DerivedFingerprints) -> Int {
        PageMemos.fingerprint(
            .init(descriptor: 0, reads: reads), card: { self.documents[$0]?.cardStamp ?? 0 },
            full: { self.documents[$0]?.fullStamp ?? 0 }, derived: derived)
    }

    /// Remembers what a group of extra files read when it was made.
    func recordExtra(_ group: Pipeline.ExtraFiles, reads: PageReads, derived: DerivedFingerprints) {
        extraMemos[group] = (reads, Set(reads.paths), extraFingerprint(reads, derived: derived))
    }

    /// Writes the extra files that differ from what was written, and removes the files of a
    /// remade group that the group no longer makes (a category removed, a word gone).
    func writeExtras(
        _ made: [(Pipeline.ExtraFiles, [Feeds.File])], root: String, atomic: Bool, full: Bool,
        written newWritten: inout [String: Int], extraFiles: inout [Pipeline.ExtraFiles: Set<String>],
        outcome: inout Outcome, failures: Locked<[String]>
    ) {
        for (group, files) in made {
            var names = Set<String>()
            for file in files {
                names.insert(file.file)
                var hasher = Hasher()
                hasher.combine(file.text)
                let fingerprint = hasher.finalize()
                guard written[file.file] != fingerprint || full else {
                    newWritten[file.file] = fingerprint
                    continue
                }
                do {
                    try SiteStore.write(file.text, to: root + "/" + file.file, atomically: atomic)
                    newWritten[file.file] = fingerprint
                    outcome.filesWritten += 1
                } catch {
                    failures.withLock { $0.append("\(file.file) : \(error)") }
                }
            }
            for file in lastExtraFiles[group] ?? [] where !names.contains(file) {
                newWritten[file] = nil
                if !full, unlink(root + "/" + file) == 0 { outcome.filesRemoved += 1 }
            }
            extraFiles[group] = names
        }
    }
}
