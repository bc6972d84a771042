import Foundation
import XCTest
import Yams

@testable import CastorKit

/// The fixture site's `site.yml`, read as `castor` reads it.
func fixtureConfig() throws -> SiteConfig {
    let text = try String(contentsOf: EndToEndTests.fixtures.appendingPathComponent("site/content/site.yml"), encoding: .utf8)
    let (config, diagnostics) = SiteConfig.load(yaml: text, file: "site.yml")
    return try XCTUnwrap(config, "\(diagnostics)")
}

/// A copy of the fixture content in a temporary folder.
func temporaryContent(_ test: XCTestCase) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-tools-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    let content = folder.appendingPathComponent("content")
    try FileManager.default.copyItem(at: EndToEndTests.fixtures.appendingPathComponent("site/content"), to: content)
    try FileManager.default.copyItem(
        at: EndToEndTests.repository.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates"))
    return content
}

final class ScaffoldTests: XCTestCase {
    let today = LocalDate(iso: "2026-11-23")!

    /// Validates a file the way `check` does.
    func validate(_ relativePath: String, content: URL, config: SiteConfig) throws -> (Entry?, [Diagnostic]) {
        let loader = ContentLoader(contentRoot: content.path, collections: TestCollections.all)
        guard case .document(let candidate) = loader.classify(relativePath) else { XCTFail("not a document"); return (nil, []) }
        let document = try loader.read(candidate).get()
        return Validator(config: config, contentRoot: content.path, collections: TestCollections.all).validate(document)
    }

    func testEveryKindIsWrittenWhereItBelongsAndPassesTheChecks() throws {
        let content = try temporaryContent(self)
        let config = try fixtureConfig()
        let requests: [(TestKind, String, String)] = [
            (.fiche(type: "boite-a-outils"), "Décider par consentement : la méthode", "fiches/boite-a-outils/decider-par-consentement-la-methode.md"),
            (.event(start: "2027-05-12T09:30"), "Atelier « Métaplan » à Tours", "agenda/atelier-metaplan-a-tours.md"),
            (.ad(category: "terrain"), "Terrain de 4 200 m² en Drôme", "annonces/terrain-de-4-200-m-en-drome.md"),
        ]
        for (kind, title, path) in requests {
            let draft = try Scaffold.draft(.init(kind: kind, title: title, region: "bretagne", today: today), config: config, contentRoot: content.path)
            XCTAssertEqual(draft.relativePath, path)
            try Scaffold.write(draft, contentRoot: content.path)
            let (entry, diagnostics) = try validate(path, content: content, config: config)
            XCTAssertEqual(diagnostics.map(\.formatted), [], path)
            let item = try XCTUnwrap(entry, path)
            XCTAssertEqual(item.title, title)
            XCTAssertTrue(item.isDraft, "a new item waits as a draft")
            for field in item.collection.fields where field.required {
                XCTAssertNotNil(item[field.key], "\(path): required « \(field.key) » filled")
            }
        }
        // The whole site still checks without error, and the drafts raise no warning.
        var report = BuildReport()
        _ = Builder(options: BuildOptions(content: content.path, templates: content.deletingLastPathComponent().appendingPathComponent("templates").path, today: today)).check(report: &report)
        XCTAssertFalse(report.diagnostics.hasErrors, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let warnings = ContentAudit.placeholders(try XCTUnwrap(report.inventory))
        XCTAssertEqual(warnings, [])
    }

    func testNamesAreUniqueAndNothingIsReplaced() throws {
        let content = try temporaryContent(self)
        let config = try fixtureConfig()
        let request = Scaffold.Request(kind: .fiche(type: "structures-juridiques"), title: "La SCIC", today: today)
        // « la-scic » is free even though « scic.md » exists; a second one gets a number.
        let first = try Scaffold.draft(request, config: config, contentRoot: content.path)
        try Scaffold.write(first, contentRoot: content.path)
        let second = try Scaffold.draft(request, config: config, contentRoot: content.path)
        XCTAssertEqual(second.relativePath, "fiches/structures-juridiques/la-scic-2.md")
        XCTAssertEqual(second.renamedFrom, "la-scic")
        // A name given on purpose that exists: refused, file untouched.
        let scic = content.appendingPathComponent("fiches/structures-juridiques/scic.md")
        let before = try Data(contentsOf: scic)
        var named = request
        named.slug = "scic"
        XCTAssertThrowsError(try Scaffold.draft(named, config: config, contentRoot: content.path)) { error in
            XCTAssertTrue("\(error)".contains("existe déjà"), "\(error)")
        }
        // Even if the file appears between the draft and the write.
        try Scaffold.write(second, contentRoot: content.path)
        XCTAssertThrowsError(try Scaffold.write(second, contentRoot: content.path))
        XCTAssertEqual(try Data(contentsOf: scic), before)
        // A folder fiche of that name counts too.
        named.slug = "kit-jpo"
        named.group = "boite-a-outils"
        XCTAssertThrowsError(try Scaffold.draft(named, config: config, contentRoot: content.path))
    }

    func testRefusesWhatTheChecksWouldRefuse() throws {
        let content = try temporaryContent(self)
        let config = try fixtureConfig()
        func refusal(_ kind: TestKind, _ title: String = "Titre", region: String? = nil) -> String {
            do {
                _ = try Scaffold.draft(.init(kind: kind, title: title, region: region, today: today), config: config, contentRoot: content.path)
                return ""
            } catch { return "\(error)" }
        }
        XCTAssertTrue(refusal(.fiche(type: "boite-a-outil")).contains("vouliez-vous écrire « boite-a-outils »"))
        XCTAssertTrue(refusal(.ad(category: "terrains")).contains("« terrains » n'est pas dans la liste « ad_categories »"))
        XCTAssertTrue(refusal(.event(start: "12/05/2027")).contains("date invalide"))
        XCTAssertTrue(refusal(.fiche(type: "boite-a-outils"), region: "bzh").contains("regions"))
        XCTAssertTrue(refusal(.fiche(type: "boite-a-outils"), "« ! »").contains("lettres ou des chiffres"))
    }
}

final class DecapConfigTests: XCTestCase {
    func load() throws -> (SiteConfig, [String: Any]) {
        let config = try fixtureConfig()
        let yaml = DecapConfig.yaml(config: config, collections: TestCollections.all, backend: .init(name: "gitea", repo: "reseau/contenu", branch: "main"))
        let parsed = try XCTUnwrap(try Yams.load(yaml: yaml) as? [String: Any])
        return (config, parsed)
    }

    /// The editor's forms follow the checker's rules: every field of every collection, the
    /// required ones required, every vocabulary's values offered, dates as dates.
    func testConfigurationStaysInStepWithTheRules() throws {
        let (config, parsed) = try load()
        let collections = try XCTUnwrap(parsed["collections"] as? [[String: Any]])
        // The simple form of each folder (`<nom>.md`); fiches with attachments: EditorRoundTripTests.
        let byFolder = Dictionary(uniqueKeysWithValues: collections.filter { $0["path"] == nil }.map { ($0["folder"] as! String, $0) })
        var expectedFolders: [String: CollectionSchema] = [:]
        for schema in TestCollections.all {
            if case .grouped(let vocabulary) = schema.layout {
                for slug in config.vocabulary(vocabulary).keys { expectedFolders["content/\(schema.folder)/\(slug)"] = schema }
            } else {
                expectedFolders["content/\(schema.folder)"] = schema
            }
        }
        XCTAssertEqual(Set(byFolder.keys), Set(expectedFolders.keys), "one collection per fiche type, agenda, ads, pages")
        for (folder, schema) in expectedFolders {
            let collection = try XCTUnwrap(byFolder[folder])
            XCTAssertEqual(collection["create"] as? Bool, true)
            XCTAssertEqual(collection["format"] as? String, "frontmatter")
            let fields = try XCTUnwrap(collection["fields"] as? [[String: Any]])
            let byName = Dictionary(uniqueKeysWithValues: fields.map { ($0["name"] as! String, $0) })
            XCTAssertEqual(byName["body"]?["widget"] as? String, "markdown")
            for spec in schema.fields {
                guard DecapConfig.omitted[spec.key] == nil else {
                    XCTAssertFalse(spec.required, "\(spec.key) is left out of the editor, so it must not be required")
                    continue
                }
                let field = try XCTUnwrap(byName[spec.key], "\(folder): \(spec.key) missing")
                // Decap fields are required unless told otherwise.
                XCTAssertEqual(field["required"] as? Bool ?? true, spec.required, "\(folder): \(spec.key) required")
                let widget = field["widget"] as? String
                func offered() -> [String] { (field["options"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String } }
                switch spec.type {
                case .term(let vocabulary), .terms(let vocabulary):
                    XCTAssertEqual(widget, "select")
                    XCTAssertEqual(offered(), Array(config.vocabulary(vocabulary).keys), "\(folder): \(spec.key) lists « \(vocabulary) »")
                    let labels = (field["options"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
                    XCTAssertEqual(labels, Array(config.vocabulary(vocabulary).values))
                    if case .terms = spec.type { XCTAssertEqual(field["multiple"] as? Bool, true) }
                case .choice(let choices):
                    XCTAssertEqual(widget, "select")
                    XCTAssertEqual(offered(), choices.map(\.value))
                case .date:
                    XCTAssertEqual(widget, "datetime")
                    XCTAssertEqual(field["format"] as? String, "YYYY-MM-DD")
                    XCTAssertEqual(field["time_format"] as? Bool, false)
                case .dateOrDateTime:
                    let pattern = try XCTUnwrap((field["pattern"] as? [String])?.first)
                    for good in ["2027-05-12", "2027-05-12T09:30"] {
                        XCTAssertNotNil(good.range(of: pattern, options: .regularExpression), good)
                    }
                    XCTAssertNil("12/05/2027".range(of: pattern, options: .regularExpression))
                case .bool: XCTAssertEqual(widget, "boolean")
                case .price: XCTAssertEqual(widget, "number")
                case .textList: XCTAssertEqual(widget, "list")
                default: XCTAssertNotNil(widget)
                }
            }
        }
        let backend = try XCTUnwrap(parsed["backend"] as? [String: Any])
        XCTAssertEqual(backend["repo"] as? String, "reseau/contenu")
        XCTAssertEqual(parsed["locale"] as? String, "fr")
    }

    func testAVocabularyAddedToSiteYmlReachesTheEditor() throws {
        var config = try fixtureConfig()
        config.vocabularies["themes"]?["habitat-leger"] = "Habitat léger"
        config.vocabularies["fiche_types"]?["guides"] = "Guides"
        let yaml = DecapConfig.yaml(config: config, collections: TestCollections.all, backend: .init())
        XCTAssertTrue(yaml.contains("value: \"habitat-leger\""))
        XCTAssertTrue(yaml.contains("folder: \"content/fiches/guides\""))
    }

    func testOnlyTheEditorPageLoadsThirdPartyCode() {
        let html = DecapConfig.indexHTML()
        XCTAssertTrue(html.contains("<script src=\"https://unpkg.com/decap-cms@"))
        XCTAssertTrue(html.contains("noindex"))
    }
}

final class CheckReportTests: XCTestCase {
    func testJSONSchemaIsStable() throws {
        let list = DiagnosticList([
            .warning("content/b.md", SourcePosition(line: 2, column: 3), "attention"),
            .error("content/a.md", SourcePosition(line: 4, column: 11), "catégorie inconnue", hint: "essayez terrain"),
            .error("content/site.yml", .unknown, "fichier manquant"),
        ])
        let report = CheckReport(diagnostics: list, counts: [("fiches", "fiches", 2), ("evenements", "événements", 1)])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        XCTAssertEqual(object["schema"] as? String, "castor-check/1")
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["errors"] as? Int, 2)
        XCTAssertEqual(summary["warnings"] as? Int, 1)
        XCTAssertEqual(summary["text"] as? String, "2 erreurs, 1 avertissement")
        XCTAssertEqual(summary["counts"] as? [String: Int], ["fiches": 2, "evenements": 1])
        let items = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["file"] as? String }, ["content/a.md", "content/b.md", "content/site.yml"])
        XCTAssertEqual(Set(items[0].keys), ["file", "line", "column", "severity", "message", "hint"])
        XCTAssertEqual(items[0]["severity"] as? String, "error")
        XCTAssertEqual(items[0]["line"] as? Int, 4)
        XCTAssertEqual(items[0]["column"] as? Int, 11)
        XCTAssertEqual(items[0]["hint"] as? String, "essayez terrain")
        XCTAssertTrue(items[1]["hint"] is NSNull, "no hint is null, not absent")
        XCTAssertEqual(items[2]["line"] as? Int, 0)
        XCTAssertEqual(try JSONDecoder().decode(CheckReport.self, from: Data(report.json().utf8)), report)
    }
}

final class ContentAuditTests: XCTestCase {
    func audit(_ content: URL, today: String) throws -> [Diagnostic] {
        var report = BuildReport()
        let templates = content.deletingLastPathComponent().appendingPathComponent("templates").path
        _ = Builder(options: BuildOptions(content: content.path, templates: templates, today: LocalDate(iso: today)!)).check(report: &report)
        XCTAssertFalse(report.diagnostics.hasErrors, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        return ContentAudit.warnings(try XCTUnwrap(report.inventory), today: LocalDate(iso: today)!)
    }

    func write(_ content: URL, _ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func testWarningsForWhatVolunteersShouldLookAt() throws {
        let content = try temporaryContent(self)
        // A file beside a fiche that no page shows, another one linked from the text.
        try write(content, "fiches/boite-a-outils/kit-jpo/oublie.pdf", "%PDF")
        // A second fiche with the same title as the SCIC's.
        try write(content, "fiches/trames-types/scic-bis.md", "---\ntitle: La SCIC\nsummary: Doublon.\nupdated: 2026-10-01\n---\nTexte.\n")
        // An old fiche; an ad that expires in 5 days; text left « À compléter ».
        try write(content, "fiches/trames-types/ancienne.md", "---\ntitle: Ancienne\nsummary: Vieille.\nupdated: 2024-11-22\n---\nTexte.\n")
        try write(content, "fiches/trames-types/juste.md", "---\ntitle: Juste deux ans\nsummary: Limite.\nupdated: 2024-11-23\n---\nTexte.\n")
        try write(
            content, "annonces/bientot.md",
            "---\ntitle: Bientôt finie\ncategory: terrain\npublished: 2026-10-01\nexpires: 2026-11-28\ncontact: a@b.org\n---\nTexte.\n")
        try write(content, "pages/brouillon-oublie.md", "---\ntitle: Page\nsummary: \"À compléter : un résumé.\"\n---\nIntro.\n\nÀ compléter : le texte.\n")
        let warnings = try audit(content, today: "2026-11-23").map(\.formatted).joined(separator: "\n")
        XCTAssertTrue(warnings.contains("kit-jpo/index.md:7:3: avertissement : le fichier « oublie.pdf » n'est ni une pièce jointe déclarée ni la cible d'un lien"), warnings)
        XCTAssertFalse(warnings.contains("« affiche.txt » n'est ni"), "declared attachments count as used")
        XCTAssertFalse(warnings.contains("« plan.png » n'est ni"), "images count as used")
        XCTAssertTrue(warnings.contains("scic-bis.md:2:8: avertissement : même titre que « "), warnings)
        XCTAssertTrue(warnings.contains("ancienne.md:4:10: avertissement : fiche non mise à jour depuis plus de deux ans"), warnings)
        XCTAssertFalse(warnings.contains("juste.md"), "exactly two years is not over two years")
        XCTAssertTrue(warnings.contains("bientot.md:5:10: avertissement : fin de publication dans 5 jours, le 28 novembre 2026"), warnings)
        XCTAssertTrue(warnings.contains("brouillon-oublie.md:3:10: avertissement : « summary » est encore à compléter"), warnings)
        XCTAssertTrue(warnings.contains("brouillon-oublie.md:7:1: avertissement : le texte contient encore « À compléter »"), warnings)
    }
}
