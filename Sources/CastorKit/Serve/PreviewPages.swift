import Foundation

/// What the preview adds to the site: the reload script injected into served pages (never
/// into the built site) and the French page shown in place of the site while the content
/// has errors.
public enum PreviewPages {
    /// The address the tabs ask to learn of a change.
    public static let reloadPath = "/__castor/reload"

    /// A script that asks the server, again and again, whether the site changed since this
    /// page was served, and reloads the page when it did. Long polling: one request waits on
    /// the server until something changes (or 25 s pass).
    public static func reloadScript(version: Int) -> String {
        """
        <script>/* castor serve : rechargement automatique (absent du site construit) */
        (function(){var v=\(version);function ask(){fetch("\(reloadPath)?version="+v,{cache:"no-store"})
        .then(function(r){return r.json()}).then(function(d){if(d.version!==v){location.reload()}else{ask()}})
        .catch(function(){setTimeout(ask,1000)})}ask()})();</script>

        """
    }

    /// Adds the reload script before the last `</body>` of a page (or at its end).
    public static func inject(into html: String, version: Int) -> String {
        let script = reloadScript(version: version)
        guard let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + script }
        return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: script)
    }

    /// The page shown instead of the site while the content has errors: every problem with
    /// its file, line and column, errors first, then warnings.
    public static func errorPage(_ diagnostics: DiagnosticList, version: Int) -> String {
        let errors = diagnostics.sorted.filter { $0.severity == .error }
        let warnings = diagnostics.sorted.filter { $0.severity == .warning }
        func items(_ list: [Diagnostic]) -> String {
            list.map { diagnostic in
                var location = Escape.xml(diagnostic.file)
                if diagnostic.line > 0 {
                    location += ", ligne \(diagnostic.line)"
                    if diagnostic.column > 0 { location += ", colonne \(diagnostic.column)" }
                }
                var item = "<li><p class=\"lieu\"><code>\(location)</code></p>\n<p class=\"message\">\(Escape.xml(diagnostic.message))</p>"
                if let hint = diagnostic.hint {
                    item += "\n<p class=\"conseil\">Conseil : \(Escape.xml(hint).replacingOccurrences(of: "\n", with: "<br>"))</p>"
                }
                return item + "</li>"
            }.joined(separator: "\n")
        }
        let count = errors.count == 1 ? "1 erreur" : "\(errors.count) erreurs"
        var html = """
            <!doctype html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(count) dans le contenu — aperçu Castor</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}
            h1{color:#a00;font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
            ol{padding-left:1.2rem}li{margin:0 0 1rem;padding:.6rem .8rem;border-left:4px solid #a00;background:#fdf2f2}
            .avertissements li{border-color:#b70;background:#fff8e6}
            p{margin:.2rem 0}.lieu code{font-size:1rem;font-weight:bold}.conseil{color:#333}
            </style>
            </head>
            <body>
            <main>
            <h1>Le site ne peut pas être affiché : \(count) dans le contenu</h1>
            <p>Corrigez chaque problème dans le fichier indiqué, puis enregistrez : cette page se recharge toute seule et affiche le site dès qu'il n'y a plus d'erreur.</p>
            <h2>Erreurs</h2>
            <ol class="erreurs">
            \(items(errors))
            </ol>

            """
        if !warnings.isEmpty {
            html += """
                <h2>Avertissements (à regarder, ils n'empêchent pas la publication)</h2>
                <ol class="avertissements">
                \(items(warnings))
                </ol>

                """
        }
        html += "<p>Le guide <code>docs/erreurs.md</code> explique chaque message.</p>\n</main>\n"
        html += reloadScript(version: version)
        return html + "</body>\n</html>\n"
    }

    /// Content types of the files a site is made of.
    public static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml; charset=utf-8"
        case "txt", "csv", "md": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "odt": return "application/vnd.oasis.opendocument.text"
        case "ods": return "application/vnd.oasis.opendocument.spreadsheet"
        case "odp": return "application/vnd.oasis.opendocument.presentation"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "yml", "yaml": return "text/yaml; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
