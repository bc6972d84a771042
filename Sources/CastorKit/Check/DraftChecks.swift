/// Drafts are not published, but `castor new` makes every new item a draft: their links and
/// images are checked like the others, and what is wrong is reported as a warning, so that a
/// draft never stops the build but the volunteer hears about it before publishing.
public enum DraftChecks {
    /// What a draft's warnings end with.
    public static let draftNote = " (brouillon : ce sera une erreur quand il sera publié)"

    /// The diagnostics of a draft's text, all as warnings that say so (`note`).
    public static func asWarnings(_ diagnostics: [Diagnostic], note: String = draftNote) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var warning = diagnostic
            if diagnostic.severity == .error {
                warning.severity = .warning
                warning.message += note
            }
            return warning
        }
    }
}
