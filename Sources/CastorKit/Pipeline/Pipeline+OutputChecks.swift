import Foundation

/// Step 5 of `check`, shared with `castor serve` (`SiteStore+OutputChecks`): every file of the
/// site from one source each, nothing active published as is, no template asset leading outside.
extension Pipeline {
    /// The problems of the site's files: symbolic links of `templates/assets` leading outside,
    /// active content among the content files (`contentFiles`, all of them), and two sources for
    /// one output path (`publishedFiles`: the content files copied; `extras`: the other files
    /// Castor makes, the search index apart); `display` shows a content path as in messages.
    public static func outputProblems(
        site: Site, plan: SitePlan, extras: [String], templates: String, templateAssets: [String],
        contentRoot: String, contentFiles: [String], publishedFiles: [String], displayRoot: String,
        display: (String) -> String
    ) -> [Diagnostic] {
        let templatesRoot = templates + "/assets"
        var problems = templateAssetLinks(templatesRoot, templates: templates)
        for file in contentFiles {
            if let problem = ActiveContent.problem(file, contentRoot: contentRoot, shown: display(file)) { problems.append(problem) }
        }
        problems += OutputPaths.collisions(
            OutputPaths.planned(
                site: site, plan: plan, extras: extras, templateAssets: templateAssets, templatesRoot: templatesRoot,
                contentFiles: publishedFiles, contentRoot: displayRoot))
        return problems
    }
}
