import Foundation

/// The checks `castor build` makes on the files of the site, in the preview: two sources for one
/// output path, active content, template assets leading outside (`Pipeline.outputProblems`), and
/// links of the generated pages to no file of the site (`GeneratedLinks`, `BrokenLinkReport`).
/// Their errors are shown like the others (error page, terminal) and go when fixed.
extension SiteStore {
    /// The links of the pages rendered by a publication, checked first against the files known
    /// before it (pages, copied files, template assets, extra files of the last publication);
    /// `finishOutputChecks` checks what this finds against the files the folder holds in the end.
    func pageLinks(site: Site, jobs: [RenderJob], reuse: Bool, published: [String], templateAssets: [String]) -> GeneratedLinks {
        if !reuse || linkFiles == nil {
            var files = SiteStore.siteFiles(jobs.map(\.file), published: published, templateAssets: templateAssets)
            for names in lastExtraFiles.values { files.formUnion(names) }
            linkFiles = files
        }
        return GeneratedLinks(files: linkFiles!, baseURL: site.config.baseURL, basePath: site.config.basePath)
    }

    /// After a publication: runs the checks of `Pipeline.outputProblems` when what they read may
    /// have changed, replaces the broken links of the rendered pages (`rendered`), and adds every
    /// error to the problems of the preview. `files` are the files the output folder now holds.
    func finishOutputChecks(
        site: Site, plan: SitePlan, recheck: Bool, keepPlan: Bool, templates: TemplateSet, published: [String],
        templateAssets: [String], extraFiles: [Pipeline.ExtraFiles: Set<String>], files: [String: Int],
        rendered: [(page: String, broken: [GeneratedLinks.Broken])], outcome: inout Outcome
    ) {
        if recheck {
            let extras = Pipeline.ExtraFiles.all(site).filter { $0 != .search }.flatMap { (extraFiles[$0] ?? []).sorted() }
            let loader = self.loader
            outputProblems = Pipeline.outputProblems(
                site: site, plan: plan, extras: extras, templates: options.templates, templateAssets: templateAssets,
                contentRoot: options.content, contentFiles: assets.keys.sorted(), publishedFiles: published,
                displayRoot: loader.displayRoot, display: loader.display)
        }
        if !keepPlan { brokenLinks = brokenLinks.filter { files[$0.key] != nil } }
        for (page, broken) in rendered { brokenLinks[page] = broken.isEmpty ? nil : broken }
        if recheck || !brokenLinks.isEmpty {
            // The files of the folder as it is now: a link to a feed or a copied file made by this
            // publication is not broken, one to a file it removed is.
            let all = SiteStore.siteFiles(files.keys, published: published, templateAssets: templateAssets)
            linkFiles = all
            let links = GeneratedLinks(files: all, baseURL: site.config.baseURL, basePath: site.config.basePath)
            for (page, broken) in brokenLinks {
                let still = broken.filter { !links.exists($0.target) }
                brokenLinks[page] = still.isEmpty ? nil : still
            }
        }
        var report = BrokenLinkReport()
        for (page, broken) in brokenLinks { report.add(broken, page: page) }
        let problems = outputProblems + report.diagnostics(templates: templates.sources, output: options.output)
        guard !problems.isEmpty else { return }
        diagnostics.append(contentsOf: problems)
        outcome.diagnostics.append(contentsOf: problems)
        if !outputProblems.isEmpty {
            // Two sources wrote one file: the next publication writes the whole folder again.
            lastPlan = nil
            outputChecksStale = true
            assembled = false
            forgetWritten()
        }
    }

    /// `written` plus the copied content files and the template assets (`assets/…`).
    static func siteFiles<Files: Sequence<String>>(_ written: Files, published: [String], templateAssets: [String]) -> Set<String> {
        var files = Set(written)
        files.formUnion(published)
        for asset in templateAssets { files.insert("assets/" + asset) }
        return files
    }
}
