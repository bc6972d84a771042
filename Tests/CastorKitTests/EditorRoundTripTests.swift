import Foundation
import XCTest
import Yams

@testable import CastorKit

/// Decap CMS's slug rule, transcribed from its source (decap-cms-core `formatters.ts`
/// `prepareSlug` and `urlHelper.ts` `sanitizeSlug`, with the `diacritics` package and
/// `sanitize-filename`), for the `slug` settings of `admin/config.yml`. Kept apart from
/// Castor's `Slug` on purpose: the tests compare the two.
enum DecapSlug {
    /// The `diacritics` table entries for the letters a French title may hold; letters with a
    /// canonical decomposition (é, ç, ô…) lose their mark in that table too.
    static let diacritics: [Character: String] = [
        "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "ŀ": "l", "đ": "d", "ð": "dh", "þ": "th", "ı": "i",
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl", "\u{00A0}": " ",
    ]

    static func slug(_ title: String, settings: [String: Any]) -> String {
        XCTAssertEqual(settings["encoding"] as? String, "ascii")
        XCTAssertEqual(settings["clean_accents"] as? Bool, true)
        let replacement = try! XCTUnwrap(settings["sanitize_replacement"] as? String)
        // prepareSlug: trim, toLocaleLowerCase, remove single quotes, periods to dashes.
        var text = title.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        text = text.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: ".", with: "-")
        // diacritics.remove (clean_accents).
        text = String(text.flatMap { character -> String in
            if let base = diacritics[character] { return base }
            let decomposed = String(character).decomposedStringWithCanonicalMapping
            if let first = decomposed.unicodeScalars.first, first.isASCII, decomposed.unicodeScalars.dropFirst().allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                return String(first)
            }
            return String(character)
        })
        // sanitizeURI, ascii: letters, digits, _ - . ~ are kept, anything else replaced.
        let kept = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.~")
        text = String(text.unicodeScalars.map { kept.contains($0) ? String($0) : replacement }.joined())
        // sanitize-filename: / ? < > \ : * | " and control characters; names "." and "..".
        if text == "." || text == ".." { text = replacement }
        // Doubled, leading and trailing replacements removed.
        while text.contains(replacement + replacement) { text = text.replacingOccurrences(of: replacement + replacement, with: replacement) }
        if text.hasPrefix(replacement) { text.removeFirst(replacement.count) }
        if text.hasSuffix(replacement) { text.removeLast(replacement.count) }
        return text
    }
}

final class EditorRoundTripTests: XCTestCase {
    let today = LocalDate(iso: "2026-11-23")!

    func editorConfig(_ config: SiteConfig) throws -> [String: Any] {
        let yaml = DecapConfig.yaml(config: config, collections: TestCollections.all, backend: .init(name: "github", repo: "reseau/contenu", branch: "main"))
        return try XCTUnwrap(try Yams.load(yaml: yaml) as? [String: Any])
    }

    func collection(_ parsed: [String: Any], _ name: String) throws -> [String: Any] {
        let collections = try XCTUnwrap(parsed["collections"] as? [[String: Any]])
        return try XCTUnwrap(collections.first { $0["name"] as? String == name }, "no collection « \(name) »")
    }

    func write(_ content: URL, _ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func check(_ content: URL) -> BuildReport {
        var report = BuildReport()
        let templates = content.deletingLastPathComponent().appendingPathComponent("templates").path
        _ = Builder(options: BuildOptions(content: content.path, templates: templates, today: today)).check(report: &report)
        return report
    }

    /// The same title gives the same file name through `castor new` and through the editor,
    /// for every title the editor's title field accepts.
    func testATitleGivesTheSameFileNameInCastorNewAndInTheEditor() throws {
        let config = try fixtureConfig()
        let parsed = try editorConfig(config)
        let settings = try XCTUnwrap(parsed["slug"] as? [String: Any])
        let titles = [
            "SCI d'attribution", "SCI d’attribution", "Décider par consentement : la méthode", "Terrain de 4 200 m² en Drôme",
            "L'habitat participatif, c'est quoi ?", "Œuvre « collective » à l'École !", "Statuts v2.0 (2027)", "Coût : 1 500 € / an",
            "  Espaces partagés  ", "Ærø & Łódź", "Le ﬁnancement", "Cohabitat -- le guide", "Où ? Quand ? Comment ?",
        ]
        for title in titles {
            XCTAssertEqual(Slug.fromTitle(title), DecapSlug.slug(title, settings: settings), title)
        }
        XCTAssertEqual(Slug.fromTitle("SCI d'attribution"), "sci-dattribution")
        // castor new names the file by that rule.
        let content = try temporaryContent(self)
        let draft = try Scaffold.draft(
            .init(kind: .fiche(type: "structures-juridiques"), title: "SCI d'attribution", today: today), config: config, contentRoot: content.path)
        XCTAssertEqual(draft.relativePath, "fiches/structures-juridiques/sci-dattribution.md")
        // The characters Decap keeps but Castor's names refuse are refused by the title field.
        let fields = try XCTUnwrap(try collection(parsed, "fiches-boite-a-outils")["fields"] as? [[String: Any]])
        let title = try XCTUnwrap(fields.first { $0["name"] as? String == "title" })
        let pattern = try XCTUnwrap((title["pattern"] as? [String])?.first)
        for refused in ["mon_projet", "a~b"] {
            XCTAssertNil(refused.range(of: pattern, options: .regularExpression), refused)
            XCTAssertNotEqual(Slug.fromTitle(refused), DecapSlug.slug(refused, settings: settings))
        }
        for accepted in titles { XCTAssertNotNil(accepted.range(of: pattern, options: .regularExpression), accepted) }
    }

    /// A fiche written the way the editor writes it, at the path its configuration names,
    /// passes the checks and sits where `castor new` puts it; a fiche with attachments too.
    func testWhatTheEditorWritesIsAcceptedWhereCastorNewWouldPutIt() throws {
        let config = try fixtureConfig()
        let parsed = try editorConfig(config)
        let settings = try XCTUnwrap(parsed["slug"] as? [String: Any])
        let content = try temporaryContent(self)
        func repositoryPath(_ collection: [String: Any], title: String) throws -> String {
            let folder = try XCTUnwrap(collection["folder"] as? String)
            XCTAssertEqual(collection["slug"] as? String, "{{slug}}")
            let slug = DecapSlug.slug(title, settings: settings)
            let path = (collection["path"] as? String)?.replacingOccurrences(of: "{{slug}}", with: slug) ?? slug
            return "\(folder)/\(path).\(try XCTUnwrap(collection["extension"] as? String))"
        }

        // A simple fiche: where castor new would write it.
        let title = "SCI d'attribution"
        let simple = try repositoryPath(try collection(parsed, "fiches-structures-juridiques"), title: title)
        let draft = try Scaffold.draft(.init(kind: .fiche(type: "structures-juridiques"), title: title, today: today), config: config, contentRoot: content.path)
        XCTAssertEqual(simple, "content/" + draft.relativePath)
        try write(
            content.deletingLastPathComponent(), simple,
            """
            ---
            title: SCI d'attribution
            summary: Une société civile qui attribue les logements à ses associés.
            themes:
              - juridique
            updated: 2026-11-20
            draft: false
            ---
            Le texte de la fiche, écrit dans l'éditeur.

            """)

        // A fiche with attachments: a folder, its files beside index.md.
        let bundleCollection = try collection(parsed, "fiches-boite-a-outils-dossiers")
        XCTAssertEqual(bundleCollection["path"] as? String, "{{slug}}/index")
        XCTAssertEqual(bundleCollection["media_folder"] as? String, "")
        XCTAssertEqual(bundleCollection["public_folder"] as? String, "")
        let bundleFields = try XCTUnwrap(bundleCollection["fields"] as? [[String: Any]])
        let attachments = try XCTUnwrap(bundleFields.first { $0["name"] as? String == "attachments" })
        XCTAssertEqual(attachments["widget"] as? String, "list")
        let parts = try XCTUnwrap(attachments["fields"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        XCTAssertEqual(parts, ["file", "title"])
        let bundle = try repositoryPath(bundleCollection, title: "Trame d'assemblée générale")
        XCTAssertEqual(bundle, "content/fiches/boite-a-outils/trame-dassemblee-generale/index.md")
        let folder = (bundle as NSString).deletingLastPathComponent
        try write(content.deletingLastPathComponent(), folder + "/trame-ag.odt", "ODT")
        try write(content.deletingLastPathComponent(), folder + "/salle.png", "PNG")
        try write(
            content.deletingLastPathComponent(), bundle,
            """
            ---
            title: Trame d'assemblée générale
            summary: Une trame à adapter.
            updated: 2026-11-20
            attachments:
              - file: trame-ag.odt
                title: Trame d'AG
            draft: false
            ---
            ![La salle](salle.png)

            """)

        let report = check(content)
        XCTAssertFalse(report.diagnostics.hasErrors, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let inventory = try XCTUnwrap(report.inventory)
        XCTAssertTrue(inventory.published.contains(draft.relativePath))
        XCTAssertTrue(inventory.published.contains("fiches/boite-a-outils/trame-dassemblee-generale/index.md"))
        let warnings = ContentAudit.warnings(inventory, today: today).map(\.formatted).filter { $0.contains("trame-dassemblee-generale") }
        XCTAssertEqual(warnings, [], "the attachment and the image beside index.md are used")
    }

    /// `castor new` makes drafts: their broken links and images are reported, as warnings.
    func testTheLinksAndImagesOfDraftsAreCheckedAsWarnings() throws {
        let content = try temporaryContent(self)
        let path = "fiches/boite-a-outils/en-cours.md"
        let text = "---\ntitle: En cours\nsummary: Pas prête.\nupdated: 2026-11-01\ndraft: true\n---\nVoir [la fiche](../scic.md).\n\n![Plan](plan-absent.png)\n"
        try write(content, path, text)
        var report = check(content)
        XCTAssertFalse(report.diagnostics.hasErrors, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let warnings = report.diagnostics.warnings.map(\.formatted).filter { $0.contains("en-cours.md") }
        XCTAssertEqual(warnings.count, 2, warnings.joined(separator: "\n"))
        XCTAssertTrue(warnings[0].contains("en-cours.md:7:"), warnings[0])
        XCTAssertTrue(warnings.allSatisfy { $0.contains("avertissement : ") && $0.contains("(brouillon : ce sera une erreur quand il sera publié)") }, "\(warnings)")
        XCTAssertTrue(warnings[0].contains("vouliez-vous écrire « ../structures-juridiques/scic.md » ?"), warnings[0])
        // Published, the same links are errors.
        try write(content, path, text.replacingOccurrences(of: "draft: true\n", with: ""))
        report = check(content)
        XCTAssertEqual(report.diagnostics.errors.filter { $0.file.hasSuffix("en-cours.md") }.count, 2)
    }

    /// The placeholder contact of `castor new annonce` stops the build outside drafts.
    func testThePlaceholderContactIsAnErrorOutsideDrafts() throws {
        let content = try temporaryContent(self)
        let config = try fixtureConfig()
        let draft = try Scaffold.draft(.init(kind: .ad(category: "terrain"), title: "Terrain à Rennes", today: today), config: config, contentRoot: content.path)
        try Scaffold.write(draft, contentRoot: content.path)
        XCTAssertFalse(check(content).diagnostics.hasErrors, "a draft may keep it")
        let published = draft.text.replacingOccurrences(of: #"draft: true[^\n]*\n"#, with: "", options: .regularExpression)
        try write(content, draft.relativePath, published)
        let errors = check(content).diagnostics.errors
        XCTAssertEqual(errors.count, 1, errors.map(\.formatted).joined(separator: "\n"))
        let line = published.components(separatedBy: "\n").firstIndex { $0.hasPrefix("contact:") }! + 1
        XCTAssertEqual(errors.first?.line, line)
        XCTAssertEqual(errors.first?.column, 10)
        XCTAssertTrue(errors[0].message.contains("le contact est encore celui que castor new a écrit"), errors[0].message)
        XCTAssertTrue(errors[0].hint?.contains("draft: true") == true)
        // The warning of castor check about it is not repeated.
        try write(content, draft.relativePath, published.replacingOccurrences(of: Scaffold.placeholderContact, with: "projet@exemple.org"))
        XCTAssertFalse(check(content).diagnostics.hasErrors)
    }

    /// `editor:` in site.yml: read with its problems located, and `castor build` writes
    /// `admin/` into the site.
    func testTheEditorSectionOfSiteYmlPutsTheEditorInTheSite() throws {
        let content = try temporaryContent(self)
        let siteYml = content.appendingPathComponent("site.yml")
        let original = try String(contentsOf: siteYml, encoding: .utf8)
        let withoutRepo = original + "\neditor:\n  backend: github\n"
        var (config, diagnostics) = SiteConfig.load(yaml: withoutRepo, file: "site.yml")
        XCTAssertNil(config)
        let line = withoutRepo.components(separatedBy: "\n").firstIndex(of: "  backend: github")! + 1
        XCTAssertEqual(diagnostics.map(\.formatted), [
            "site.yml:\(line):12: erreur : « editor.repo » manque : le service « github » a besoin du dépôt du contenu\n  conseil : ajoutez dans « editor » une ligne « repo: propriétaire/nom », par exemple repo: reseau/contenu"
        ])
        (config, diagnostics) = SiteConfig.load(yaml: original + "\neditor:\n  backend: github\n  repo: reseau/contenu\n", file: "site.yml")
        XCTAssertEqual(diagnostics.map(\.formatted), [])
        XCTAssertEqual(config?.editor?.backend.repo, "reseau/contenu")
        // Content at the root of its own repository.
        (config, diagnostics) = SiteConfig.load(yaml: original + "\neditor:\n  backend: github\n  repo: reseau/contenu\n  content_folder: \"\"\n", file: "site.yml")
        XCTAssertEqual(diagnostics.map(\.formatted), [])
        let editor = try XCTUnwrap(config?.editor)
        let rooted = try XCTUnwrap(try Yams.load(yaml: DecapConfig.yaml(config: try XCTUnwrap(config), collections: TestCollections.all, backend: editor.backend, contentFolder: editor.contentFolder)) as? [String: Any])
        XCTAssertEqual(rooted["media_folder"] as? String, "medias")
        let simple = try collection(rooted, "fiches-boite-a-outils")
        XCTAssertEqual(simple["folder"] as? String, "fiches/boite-a-outils")
        XCTAssertEqual(simple["media_folder"] as? String, "../../medias")
        XCTAssertEqual(try collection(rooted, "annonces")["media_folder"] as? String, "../medias")

        try (original + "\neditor:\n  backend: github\n  repo: reseau/contenu\n  branch: contenu\n").write(to: siteYml, atomically: true, encoding: .utf8)
        let output = content.deletingLastPathComponent().appendingPathComponent("site")
        let templates = content.deletingLastPathComponent().appendingPathComponent("templates").path
        let options = BuildOptions(content: content.path, templates: templates, output: output.path, today: today)
        let report = Builder(options: options).build()
        XCTAssertFalse(report.diagnostics.hasErrors, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let yaml = try String(contentsOf: output.appendingPathComponent("admin/config.yml"), encoding: .utf8)
        let parsed = try XCTUnwrap(try Yams.load(yaml: yaml) as? [String: Any])
        XCTAssertEqual((parsed["backend"] as? [String: Any])?["branch"] as? String, "contenu")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("admin/index.html").path))
        // Without the section, no editor in the site.
        try original.write(to: siteYml, atomically: true, encoding: .utf8)
        XCTAssertFalse(Builder(options: options).build().diagnostics.hasErrors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("admin").path))
    }
}
