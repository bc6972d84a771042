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
        stale: Set<Query>, premade: [Pipeline.ExtraFiles: [Feeds.File]], only: Set<Pipeline.ExtraFiles>? = nil, full: Bool, root: String,
        atomic: Bool, written newWritten: inout [String: Int], outcome: inout Outcome, failures: Locked<[String]>
    ) -> (files: [Pipeline.ExtraFiles: Set<String>], searchSeconds: Double) {
        var groups = Set<Pipeline.ExtraFiles>()
        let all = Pipeline.ExtraFiles.all(site)
        for group in all where only?.contains(group) ?? true {
            // A slow group still pending is made again anyway.
            if full || !graph.isKnown(.extras(group)) || stale.contains(.extras(group)) || deferredCarry.contains(group) {
                groups.insert(group)
            }
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
            if let log { recordExtras(group, reads: log.recorded, derived: derived) }
            // One group at a time: the search index's texts are let go before the next is made.
            writeExtras([(group, files)], root: root, atomic: atomic, full: full, written: &newWritten, extraFiles: &newExtraFiles, outcome: &outcome, failures: failures)
            if group == .search { searchSeconds = Self.seconds(since: start) }
        }
        let pending = later.union(deferredCarry)
        if full {
            deferred = nil
            deferredCarry = []
        } else if !pending.isEmpty {
            deferred = (generation + 1, graph.revision, site, plan, pending)
            deferredCarry = []
        }
        return (newExtraFiles, searchSeconds)
    }

    /// Writes the extra files that differ from what was written, and removes the files of a
    /// remade group that the group no longer makes (a category removed, a word gone).
    func writeExtras(
        _ made: [(Pipeline.ExtraFiles, [Feeds.File])], root: String, atomic: Bool, full: Bool,
        written newWritten: inout [String: Int], extraFiles: inout [Pipeline.ExtraFiles: Set<String>],
        outcome: inout Outcome, failures: Locked<[String]>
    ) {
        // Fingerprints and writes on every core (the search index alone is some 12,000 files at
        // 10,000 fiches); the bookkeeping after, in order.
        let files = made.flatMap(\.1)
        let fingerprints = files.parallelMap { file -> Int in
            var hasher = Hasher()
            hasher.combine(file.text)
            return hasher.finalize()
        }
        let before = written
        let changed = files.indices.filter { full || before[files[$0].file] != fingerprints[$0] }
        // Their folders first, one at a time, so that two writers never make the same one.
        var folders = Set<String>()
        for index in changed { folders.insert(FileTree.folder(of: root + "/" + files[index].file)) }
        for folder in folders.sorted() where !FileIO.isDirectory(folder) { try? FileIO.makeDirectories(folder) }
        let errors = changed.parallelMap { index -> String? in
            do {
                try SiteStore.write(files[index].text, to: root + "/" + files[index].file, atomically: atomic)
                return nil
            } catch {
                return "\(files[index].file) : \(error)"
            }
        }
        var failed = Set<Int>()
        for (index, error) in zip(changed, errors) {
            guard let error else { continue }
            failures.withLock { $0.append(error) }
            failed.insert(index)
        }
        outcome.filesWritten += changed.count - failed.count
        var index = 0
        for (group, groupFiles) in made {
            var names = Set<String>()
            for file in groupFiles {
                names.insert(file.file)
                if !failed.contains(index) { newWritten[file.file] = fingerprints[index] }
                index += 1
            }
            for file in lastExtraFiles[group] ?? [] where !names.contains(file) {
                newWritten[file] = nil
                if !full, unlink(root + "/" + file) == 0 { outcome.filesRemoved += 1 }
            }
            extraFiles[group] = names
        }
    }
}
