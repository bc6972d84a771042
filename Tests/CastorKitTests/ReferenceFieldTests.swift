import Foundation
import XCTest

@testable import CastorKit

/// Issue 13: fields that name items of another collection (`reference`, `references`, with
/// `backlinks`), bounded numbers (`number`), and the `stale` warning, all switched on by
/// declarations (Fixtures/projets: a `projets` collection naming the fixture's fiches and the
/// partners of Fixtures/partenaires).
final class ReferenceFieldTests: XCTestCase {
    static let fixture = EndToEndTests.fixtures.appendingPathComponent("projets")
    let today = LocalDate(iso: "2026-11-23")!

    /// Adds the projects' declaration, its list and its items (and the partners they name).
    static func addProjects(to content: URL) throws {
        try DeclaredCollectionTests.addPartners(to: content)
        func append(_ name: String, to file: String) throws {
            let url = content.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let added = try String(contentsOf: fixture.appendingPathComponent(name), encoding: .utf8)
            try (text + "\n" + added).write(to: url, atomically: true, encoding: .utf8)
        }
        try append("declaration.yml", to: "collections.yml")
        try append("lists.yml", to: "site.yml")
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("content/projets"), to: content.appendingPathComponent("projets"))
    }

    /// A folder with the fixture site, the partners and the projects, and the repository's templates.
    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: EndToEndTests.fixtures.appendingPathComponent("site/content"), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: EndToEndTests.repository.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates"))
        try Self.addProjects(to: folder.appendingPathComponent("content"))
        return folder
    }

    func options(_ folder: URL, drafts: Bool = false) -> BuildOptions {
        BuildOptions(
            content: folder.appendingPathComponent("content").path, templates: folder.appendingPathComponent("templates").path,
            output: folder.appendingPathComponent("site").path, today: today, includeDrafts: drafts)
    }

    func edit(_ folder: URL, _ path: String, _ transform: (String) -> String) throws {
        let url = folder.appendingPathComponent("content/" + path)
        try transform(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    func check(_ folder: URL) -> BuildReport {
        var report = BuildReport()
        _ = Builder(options: options(folder)).check(report: &report)
        return report
    }

    /// The diagnostics as printed, with paths under the content folder (`content/…`).
    func lines(_ report: BuildReport) -> [String] {
        report.diagnostics.sorted.map(\.formatted).map { $0.replacingOccurrences(of: FileManager.default.temporaryDirectory.path, with: "").replacingOccurrences(of: #"^/?castor-ref-[^/]+/"#, with: "", options: .regularExpression) }
    }

    // MARK: - Declarations

    func testReferenceAndNumberDeclarationsAreRead() throws {
        let declaration = try String(contentsOf: Self.fixture.appendingPathComponent("declaration.yml"), encoding: .utf8)
        let yaml = "collections:\n  fiches:\n    label: Fiches\n    singular: Fiche\n    groups: fiche_types\n    fields:\n      title: {type: text, label: Titre}\n"
            + "  partenaires:\n    label: Partenaires\n    singular: Partenaire\n    fields:\n      title: {type: text, label: Nom}\n" + declaration
        let (collections, diagnostics) = CollectionDeclarations.load(
            yaml: yaml, file: "collections.yml", vocabularies: ["regions", "project_stages", "fiche_types"])
        XCTAssertEqual(diagnostics.map(\.message), [])
        let projects = try XCTUnwrap(collections?.first { $0.id == "projets" })
        XCTAssertEqual(projects.field("legal_form")?.type, .reference(.init(collection: "fiches", group: "structures-juridiques", backlinks: "Projets qui ont choisi cette structure")))
        XCTAssertEqual(projects.field("partners")?.type, .references(.init(collection: "partenaires", backlinks: "Projets accompagnés")))
        XCTAssertEqual(projects.field("latitude")?.type, .number(.init(min: 41, max: 51.2, decimals: 2)))
        XCTAssertEqual(projects.publishing.stale, StaleRule(field: "verified", afterDays: 730, message: "informations à vérifier auprès du groupe"))
        XCTAssertEqual(projects.referenceFields.map(\.spec.key), ["legal_form", "partners"])
    }

    func testEveryReferenceNumberAndStaleDeclarationMistakeIsReportedWithItsPlace() {
        let yaml = """
            collections:
              fiches:
                label: Fiches
                singular: Fiche
                groups: fiche_types
                fields:
                  title: {type: text, label: Titre}
              projets:
                label: Projets
                singular: Projet
                stale: {field: title, after_days: 0}
                fields:
                  title: {type: text, label: Nom}
                  homes: {type: number, label: Logements, min: 10, max: 2, decimals: deux}
                  partners: {type: references, label: Partenaires, collection: partenaire}
                  legal_form: {type: reference, label: Structure}
                  other: {type: reference, label: Autre, collection: projets, group: x, backlinks: {titre: Autres}}
                  town: {type: text, label: Commune, min: 1, collection: fiches}

            """
        let (collections, diagnostics) = CollectionDeclarations.load(
            yaml: yaml, file: "collections.yml", vocabularies: ["fiche_types", "regions"])
        XCTAssertNil(collections)
        let lines = diagnostics.map { "\($0.line):\($0.column) \($0.message)" }
        let expected = [
            "11:20 « stale » : « title » est de type text, pas une date",
            "11:39 « stale » : « after_days » doit être un nombre de jours plus grand que 0",
            "14:74 « decimals » doit être un nombre entier de 0 à 10 (chiffres après le point)",
            "14:61 « max » (2) est plus petit que « min » (10)",
            "15:68 le champ « partners » de « projets » vise la collection « partenaire », qui n'est pas déclarée",
            "16:26 le champ « legal_form » de « projets » est de type reference mais n'indique pas la collection visée (« collection »)",
            "17:89 clé inconnue « titre » dans « backlinks » du champ « other » de « projets »",
            "18:42 « min » ne sert qu'aux champs de type number",
            "18:50 « collection » ne sert qu'aux champs de type reference ou references",
        ]
        for line in expected {
            XCTAssertTrue(lines.contains { $0.hasPrefix(line) }, "missing: \(line)\n" + lines.joined(separator: "\n"))
        }
        XCTAssertTrue(diagnostics.contains { $0.message.hasSuffix("qui n'est pas déclarée") && $0.hint?.contains("fiches, projets") == true })
        // A group on a collection without groups.
        let flat = """
            collections:
              projets:
                label: Projets
                singular: Projet
                fields:
                  title: {type: text, label: Nom}
                  other: {type: reference, label: Autre, collection: projets, group: x}

            """
        let second = CollectionDeclarations.load(yaml: flat, file: "collections.yml", vocabularies: ["regions"])
        XCTAssertNil(second.0)
        XCTAssertEqual(second.1.map { "\($0.line):\($0.column) \($0.message)" }, ["7:74 « group: x » : la collection « projets » n'est pas rangée en groupes"])
        // `inverse` names a reference field of the target that points back.
        let inverse = flat.replacingOccurrences(of: ", group: x}", with: ", inverse: others}\n      back: {type: reference, label: Retour, collection: projets, inverse: title}")
        let third = CollectionDeclarations.load(yaml: inverse, file: "collections.yml", vocabularies: ["regions"])
        XCTAssertNil(third.0)
        XCTAssertEqual(third.1.map { "\($0.line):\($0.column) \($0.message)" }, [
            "7:76 « inverse: others » : « projets » n'a pas de champ reference ou references « others » qui vise « projets »",
            "8:76 « inverse: title » : « projets » n'a pas de champ reference ou references « title » qui vise « projets »",
        ])
        XCTAssertEqual(third.1.first?.hint, "champs possibles : other, back")
        let fine = CollectionDeclarations.load(yaml: inverse.replacingOccurrences(of: "inverse: others", with: "inverse: back").replacingOccurrences(of: "inverse: title", with: "inverse: other"), file: "collections.yml", vocabularies: ["regions"])
        XCTAssertEqual(fine.1.map(\.message), [])
        XCTAssertEqual(fine.0?.first?.field("other")?.type.reference?.inverse, "back")
    }

    // MARK: - Content checks

    func testTheFixtureChecksAndTheStaleRuleWarns() throws {
        let folder = try workspace()
        let report = check(folder)
        XCTAssertFalse(report.diagnostics.hasErrors, lines(report).joined(separator: "\n"))
        let inventory = try XCTUnwrap(report.inventory)
        let warnings = ContentAudit.warnings(inventory, today: today).filter { $0.file.hasSuffix("projets/les-tilleuls.md") }
        XCTAssertEqual(warnings.map(\.message), ["« verified » (vérifié le) date du 1er mars 2024, il y a plus de deux ans : informations à vérifier auprès du groupe"])
        XCTAssertEqual(warnings.first?.line, 11)
        XCTAssertEqual(warnings.first?.hint, "vérifiez les informations, puis écrivez la date du jour dans « verified » (2026-11-23)")
        // Exactly two years is not yet stale.
        XCTAssertTrue(ContentAudit.warnings(inventory, today: LocalDate(iso: "2026-03-01")!).filter { $0.file.hasSuffix("les-tilleuls.md") && $0.message.contains("verified") }.isEmpty)
    }

    func testUnknownAmbiguousOutsideGroupAndDraftTargets() throws {
        let folder = try workspace()
        try edit(folder, "projets/la-canopee.md") {
            $0.replacingOccurrences(of: "legal_form: scic", with: "legal_form: sicc")
                .replacingOccurrences(of: "partners: [etude-notariale-des-lices, credit-solidaire-habitat]", with: "partners: [etude-notariale-des-lices, credit-solidaire]")
        }
        try edit(folder, "projets/les-tilleuls.md") { $0.replacingOccurrences(of: "legal_form: structures-juridiques/scic", with: "legal_form: kit-jpo") }
        var report = check(folder)
        let found = lines(report)
        XCTAssertTrue(found.contains(
            "content/projets/la-canopee.md:8:13: erreur : « legal_form » : aucun contenu de « Fiches » ne s'appelle « sicc »\n  conseil : vouliez-vous écrire « scic » ? écrivez le nom du fichier sans .md, tel qu'il est dans le dossier de « Fiches »"),
            found.joined(separator: "\n"))
        XCTAssertTrue(found.contains { $0.hasPrefix("content/projets/la-canopee.md:9:11: erreur : « partners » : aucun contenu de « Partenaires » ne s'appelle « credit-solidaire »") && $0.contains("vouliez-vous écrire « credit-solidaire-habitat » ?") },
            found.joined(separator: "\n"))
        XCTAssertTrue(found.contains { $0.hasPrefix("content/projets/les-tilleuls.md:8:13: erreur : « legal_form » : « kit-jpo » est rangé dans « boite-a-outils », pas dans « structures-juridiques »") },
            found.joined(separator: "\n"))

        // Two fiches of one name: within the field's group the bare name is enough; without
        // a group it is ambiguous, and the path is not.
        try edit(folder, "collections.yml") { $0.replacingOccurrences(of: "        group: structures-juridiques\n", with: "") }
        try edit(folder, "projets/les-tilleuls.md") { $0.replacingOccurrences(of: "legal_form: kit-jpo", with: "legal_form: scic") }
        try edit(folder, "projets/la-canopee.md") {
            $0.replacingOccurrences(of: "legal_form: sicc", with: "legal_form: structures-juridiques/scic")
                .replacingOccurrences(of: "credit-solidaire]", with: "credit-solidaire-habitat]")
        }
        try "---\ntitle: Une SCIC à outils\nsummary: Homonyme.\nupdated: 2026-01-01\n---\nTexte.\n".write(
            to: folder.appendingPathComponent("content/fiches/boite-a-outils/scic.md"), atomically: true, encoding: .utf8)
        report = check(folder)
        XCTAssertEqual(lines(report).filter { $0.contains(": erreur : ") }, [
            "content/projets/les-tilleuls.md:8:13: erreur : « legal_form » : « scic » désigne plusieurs contenus de « Fiches » : « boite-a-outils/scic », « structures-juridiques/scic »\n  conseil : écrivez le chemin du bon contenu dans son dossier, par exemple « boite-a-outils/scic »"
        ])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("content/fiches/boite-a-outils/scic.md"))
        try edit(folder, "collections.yml") { $0.replacingOccurrences(of: "        collection: fiches\n", with: "        collection: fiches\n        group: structures-juridiques\n") }

        // A draft target: a warning, and the page shows the name without a link.
        try edit(folder, "partenaires/credit-solidaire-habitat.md") { $0.replacingOccurrences(of: "---\ntitle:", with: "---\ndraft: true\ntitle:") }
        report = check(folder)
        XCTAssertFalse(report.diagnostics.hasErrors, lines(report).joined(separator: "\n"))
        XCTAssertTrue(lines(report).contains {
            $0.hasPrefix("content/projets/la-canopee.md:9:11: avertissement : « partners » : « credit-solidaire-habitat » vise un contenu non publié (brouillon ou contenu expiré) : son nom est affiché sans lien")
        }, lines(report).joined(separator: "\n"))
        let built = Builder(options: options(folder)).build()
        XCTAssertTrue(built.succeeded)
        let page = try String(contentsOf: folder.appendingPathComponent("site/projets/la-canopee/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<dd><a href=\"../../partenaires/etude-notariale-des-lices/\">Étude notariale des Lices</a>, credit-solidaire-habitat</dd>"), page)

        // A draft naming a missing item: a warning that says it will be an error.
        try edit(folder, "projets/la-canopee.md") { $0.replacingOccurrences(of: "---\ntitle:", with: "---\ndraft: true\ntitle:").replacingOccurrences(of: "legal_form: structures-juridiques/scic", with: "legal_form: sas") }
        report = check(folder)
        XCTAssertFalse(report.diagnostics.hasErrors, lines(report).joined(separator: "\n"))
        XCTAssertTrue(lines(report).contains { $0.contains("avertissement : « legal_form » : aucun contenu de « Fiches » ne s'appelle « sas » (brouillon : ce sera une erreur quand il sera publié)") },
            lines(report).joined(separator: "\n"))
    }

    func testNumbersAndTheFormOfReferences() throws {
        let folder = try workspace()
        try edit(folder, "projets/la-canopee.md") {
            $0.replacingOccurrences(of: "latitude: 48.07", with: "latitude: 48.07315")
                .replacingOccurrences(of: "homes: 9", with: "homes: 9.5")
                .replacingOccurrences(of: "legal_form: scic", with: "legal_form: SCIC.md")
        }
        try edit(folder, "projets/les-tilleuls.md") {
            $0.replacingOccurrences(of: "latitude: 48.11", with: "latitude: 55.1").replacingOccurrences(of: "homes: 14", with: "homes: quatorze")
                .replacingOccurrences(of: "legal_form: structures-juridiques/scic", with: "legal_form: Coopérative d'habitants")
        }
        let found = lines(check(folder))
        let expected = [
            "content/projets/la-canopee.md:6:11: erreur : « latitude » a trop de chiffres après le point : « 48.07315 » (au plus 2)\n  conseil : écrivez 48.07 : arrondir évite de publier une adresse précise",
            "content/projets/la-canopee.md:7:8: erreur : « homes » doit être un nombre entier : « 9.5 »\n  conseil : écrivez 10",
            "content/projets/la-canopee.md:8:13: erreur : « legal_form » : « SCIC.md » se termine par .md\n  conseil : écrivez le nom sans .md : « SCIC »",
            "content/projets/les-tilleuls.md:6:11: erreur : « latitude » vaut 55.1, plus que le maximum 51.2\n  conseil : « latitude » attend un nombre entre 41 et 51.2, avec au plus 2 chiffres après le point",
            "content/projets/les-tilleuls.md:7:8: erreur : nombre invalide dans « homes » : « quatorze »\n  conseil : écrivez un nombre entier entre 1 et 500, avec un point pour les décimales et sans espace (par exemple 48.11)",
            "content/projets/les-tilleuls.md:8:13: erreur : « legal_form » : « Coopérative d'habitants » n'est pas un nom de fichier\n  conseil : écrivez le nom du fichier sans .md, en minuscules et sans accent, par exemple « cooperative-d-habitants »",
        ]
        for line in expected { XCTAssertTrue(found.contains(line), "missing:\n\(line)\n---\n" + found.joined(separator: "\n")) }
    }

    // MARK: - Pages

    func testPagesShowReferencedTitlesAndBacklinks() throws {
        let folder = try workspace()
        let report = Builder(options: options(folder)).build()
        XCTAssertTrue(report.succeeded, lines(report).joined(separator: "\n"))
        func page(_ path: String) throws -> String { try String(contentsOf: folder.appendingPathComponent("site/" + path), encoding: .utf8) }
        let project = try page("projets/la-canopee/index.html")
        XCTAssertTrue(project.contains("<dt>Structure juridique</dt>\n<dd><a href=\"../../fiches/structures-juridiques/scic/\">La SCIC</a></dd>"), project)
        XCTAssertTrue(project.contains("<dd><a href=\"../../partenaires/etude-notariale-des-lices/\">Étude notariale des Lices</a>, <a href=\"../../partenaires/credit-solidaire-habitat/\">Crédit solidaire de l&#39;habitat</a></dd>"), project)
        XCTAssertTrue(project.contains("<dt>Latitude</dt>\n<dd>48,07</dd>"), project)
        XCTAssertTrue(project.contains("<dt>Logements</dt>\n<dd>9</dd>"), project)
        // The path form resolves to the same fiche.
        XCTAssertTrue(try page("projets/les-tilleuls/index.html").contains("href=\"../../fiches/structures-juridiques/scic/\">La SCIC</a>"))
        // Backlinks on a fiche page (its own template) and on a generic item page.
        let fiche = try page("fiches/structures-juridiques/scic/index.html")
        XCTAssertTrue(fiche.contains("<section class=\"renvois\">\n<h2>Projets qui ont choisi cette structure</h2>\n<ul>\n<li><a href=\"../../../projets/la-canopee/\">La Canopée</a></li>\n<li><a href=\"../../../projets/les-tilleuls/\">Les Tilleuls</a></li>\n</ul>\n</section>"), fiche)
        let partner = try page("partenaires/cooperative-amo-trame/index.html")
        XCTAssertTrue(partner.contains("<h2>Projets accompagnés</h2>\n<ul>\n<li><a href=\"../../projets/les-tilleuls/\">Les Tilleuls</a></li>\n</ul>"), partner)
        XCTAssertFalse(try page("fiches/boite-a-outils/kit-jpo/index.html").contains("renvois"), "no backlinks, no section")
        // Cards show the referenced title.
        let listing = try page("projets/index.html")
        XCTAssertTrue(listing.contains("Structure juridique\u{00A0}: La SCIC"), listing)
        XCTAssertTrue(try page("projets/stage/travaux/index.html").contains("La Canopée"))
    }

    func testTheEditorOffersARelationAndANumber() throws {
        let folder = try workspace()
        let setup = SiteSetup.load(contentRoot: folder.appendingPathComponent("content").path)
        let config = try XCTUnwrap(setup.config)
        let yaml = DecapConfig.yaml(config: config, collections: try XCTUnwrap(setup.collections), backend: .init())
        let tree = try XCTUnwrap(try YAMLReader.read(yaml, lineOffset: 0))
        guard case .list(let collections, _)? = tree["collections"] else { return XCTFail(yaml) }
        let projects = try XCTUnwrap(collections.first { $0["name"]?.text == "projets" }, yaml)
        guard case .list(let fields, _)? = projects["fields"] else { return XCTFail(yaml) }
        func field(_ name: String) -> YAMLTree? { fields.first { $0["name"]?.text == name } }
        XCTAssertEqual(field("legal_form")?["widget"]?.text, "relation")
        XCTAssertEqual(field("legal_form")?["collection"]?.text, "fiches-structures-juridiques", "the editor's collection of that fiche type")
        XCTAssertEqual(field("legal_form")?["value_field"]?.text, "{{slug}}")
        XCTAssertNil(field("legal_form")?["multiple"])
        XCTAssertEqual(field("partners")?["collection"]?.text, "partenaires")
        XCTAssertEqual(field("partners")?["multiple"]?.text, "true")
        XCTAssertEqual(field("latitude")?["widget"]?.text, "number")
        XCTAssertEqual(field("latitude")?["value_type"]?.text, "float")
        XCTAssertEqual(field("latitude")?["step"]?.text, "0.01")
        XCTAssertEqual(field("homes")?["value_type"]?.text, "int")
        XCTAssertEqual(field("homes")?["max"]?.text, "500")
        // Every relation names a collection of the configuration.
        let names = Set(collections.compactMap { $0["name"]?.text })
        for collection in collections {
            guard case .list(let fields, _)? = collection["fields"] else { continue }
            for field in fields where field["widget"]?.text == "relation" {
                XCTAssertTrue(names.contains(field["collection"]?.text ?? ""), "\(field["collection"]?.text ?? "") in \(names)")
            }
        }
    }

    func testCastorNewWritesAProjectThatChecks() throws {
        let folder = try workspace()
        let content = folder.appendingPathComponent("content")
        let setup = SiteSetup.load(contentRoot: content.path)
        let projects = try XCTUnwrap(CollectionDeclarations.find("projets", in: try XCTUnwrap(setup.collections)))
        let draft = try Scaffold.draft(.init(collection: projects, title: "Le Champ commun", today: today), config: try XCTUnwrap(setup.config), contentRoot: content.path)
        XCTAssertTrue(draft.text.contains("\n# latitude: 41  # facultatif (latitude) : un nombre entre 41 et 51.2, avec au plus 2 chiffres après le point\n"), draft.text)
        XCTAssertTrue(draft.text.contains("\n# legal_form: …  # facultatif (structure juridique) : nom d'un fichier de « fiches »/structures-juridiques sans .md\n"), draft.text)
        XCTAssertTrue(draft.text.contains("\npartners: []  # facultatif (partenaires) : noms de fichiers de « partenaires » sans .md\n"), draft.text)
        try draft.text.write(to: content.appendingPathComponent(draft.relativePath), atomically: true, encoding: .utf8)
        let report = check(folder)
        XCTAssertFalse(report.diagnostics.hasErrors, lines(report).joined(separator: "\n"))
        // Uncommented, every example value passes too.
        let filled = draft.text.replacingOccurrences(of: "# latitude: 41 ", with: "latitude: 41 ").replacingOccurrences(of: "# homes: 1 ", with: "homes: 1 ")
        try filled.write(to: content.appendingPathComponent(draft.relativePath), atomically: true, encoding: .utf8)
        XCTAssertFalse(check(folder).diagnostics.hasErrors)
    }
}
