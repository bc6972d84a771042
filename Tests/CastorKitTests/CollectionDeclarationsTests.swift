import Foundation
import XCTest
import Yams

@testable import CastorKit

/// The collections of the fixture site's `collections.yml` (a copy of the project's), read as
/// `castor` reads them.
enum TestCollections {
    static let all: [CollectionSchema] = {
        let url = EndToEndTests.fixtures.appendingPathComponent("site/content/collections.yml")
        let text = try! String(contentsOf: url, encoding: .utf8)
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: text, file: "collections.yml", vocabularies: nil)
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return collections!
    }()

    static func named(_ id: String) -> CollectionSchema { all.first { $0.id == id }! }
    static var fiches: CollectionSchema { named("fiches") }
    static var events: CollectionSchema { named("agenda") }
    static var ads: CollectionSchema { named("annonces") }
    static var pages: CollectionSchema { named("pages") }
}

/// The three kinds of `castor new` the tests were written with, as requests.
enum TestKind {
    case fiche(type: String)
    case event(start: String)
    case ad(category: String)
}

extension Scaffold.Request {
    init(kind: TestKind, title: String, slug: String? = nil, region: String? = nil, contact: String? = nil, today: LocalDate) {
        switch kind {
        case .fiche(let type):
            self.init(collection: TestCollections.fiches, group: type, title: title, slug: slug, region: region, contact: contact, today: today)
        case .event(let start):
            self.init(collection: TestCollections.events, title: title, slug: slug, region: region, contact: contact, date: start, today: today)
        case .ad(let category):
            self.init(collection: TestCollections.ads, title: title, slug: slug, region: region, contact: contact, category: category, today: today)
        }
    }
}

final class CollectionDeclarationsTests: XCTestCase {
    let vocabularies: Set<String> = ["fiche_types", "themes", "regions", "ad_categories"]
    let today = LocalDate(iso: "2026-11-23")!

    func testTheProjectDeclaresTheFourKindsAndTheFixtureCarriesTheSameFile() throws {
        let project = try String(contentsOf: EndToEndTests.repository.appendingPathComponent("content/collections.yml"), encoding: .utf8)
        let fixture = try String(contentsOf: EndToEndTests.fixtures.appendingPathComponent("site/content/collections.yml"), encoding: .utf8)
        // The fixture site (and its golden output) has the four kinds; the project adds the
        // projects' database, the partners' directory, the observatory and the newsletter, declared in YAML only,
        // and the ads' field naming a project (`project`, a reference to « projets », which the
        // fixture site has not): every other line of the four kinds is the fixture's.
        let projectField = try XCTUnwrap(project.range(of: "      project:\n        type: reference\n"))
        let fieldEnd = try XCTUnwrap(project.range(of: "    rules:\n", range: projectField.upperBound..<project.endIndex))
        let withoutProjectField = project.replacingCharacters(in: projectField.lowerBound..<fieldEnd.lowerBound, with: "")
        XCTAssertTrue(withoutProjectField.hasPrefix(fixture), "the fixture site carries a copy of the project's declarations of the four kinds")
        let lists: Set<String> = [
            "partner_types", "partner_services", "project_stages", "group_stages", "settings", "tenures", "build_types", "audiences", "departements",
            "observatory_domains", "observatory_statuses", "lettre_sections",
        ]
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: project, file: "collections.yml", vocabularies: vocabularies.union(lists))
        XCTAssertEqual(diagnostics, [])
        let all = try XCTUnwrap(collections)
        XCTAssertEqual(all.map(\.id), ["fiches", "agenda", "annonces", "pages", "projets", "partenaires", "observatoire", "lettres"])
        let fixtureCollections = CollectionDeclarations.load(yaml: fixture, file: "collections.yml", vocabularies: vocabularies).0
        XCTAssertEqual(fixtureCollections?.map(\.id), ["fiches", "agenda", "annonces", "pages"])
        XCTAssertEqual(TestCollections.fiches.layout, .grouped(vocabulary: "fiche_types"))
        XCTAssertEqual(TestCollections.fiches.fields.map(\.key), ["title", "summary", "themes", "regions", "updated", "authors", "attachments", "draft"])
        XCTAssertEqual(TestCollections.events.rules, [.notBefore(later: "end", earlier: "start")])
        XCTAssertEqual(TestCollections.events.reservedSlugs, ["regions", "partager", "archives"])
        XCTAssertEqual(TestCollections.events.field("status")?.type, .choice([.init("confirmed", "Confirmé"), .init("cancelled", "Annulé"), .init("postponed", "Reporté")]))
        XCTAssertEqual(TestCollections.ads.field("category")?.type, .term(vocabulary: "ad_categories"))
        XCTAssertEqual(TestCollections.pages.publishedPrefix, "")
        XCTAssertFalse(TestCollections.pages.hasListing)
        XCTAssertEqual(TestCollections.fiches.publishedPrefix, "fiches/")
        XCTAssertEqual(TestCollections.fiches.field("summary")?.help, "une ou deux phrases, affichées dans les listes")
    }

    /// Every mistake of a maintainer, reported at once with its line and column.
    func testEveryDeclarationMistakeIsReportedAtOnceWithItsPlace() {
        let yaml = """
            collections:
              partenaires:
                label: Partenaires
                singular: Partenaire
                listng: true
                fields:
                  title: {type: text, label: Titre, requried: true}
                  metier: {type: texte, label: Métier}
                  region: {type: term, label: Région, vocabulary: regoins}
                  themes: {type: terms, label: Thèmes}
                  statut: {type: choice, label: Statut}
                rules:
                  - {field: fin, not_before: debut}
              Autres:
                label: Autres
                singular: Autre
                fields:
                  title: {type: text, label: Titre}
              copie:
                folder: partenaires
                label: Copie
                singular: Copie
                fields:
                  title: {type: text, label: Titre}
              racine:
                prefix: ""
                label: Racine
                singular: Racine
                fields:
                  title: {type: text, label: Titre}
              autre-racine:
                prefix: ""
                singular: Autre racine
                fields:
                  summary: {type: text, label: Résumé}
              themes:
                label: Thèmes
                singular: Thème
                fields:
                  title: {type: text, label: Titre}

            """
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "content/collections.yml", vocabularies: vocabularies)
        XCTAssertNil(collections)
        let text = diagnostics.map(\.formatted).joined(separator: "\n")
        let expected = [
            "content/collections.yml:5:5: erreur : clé inconnue « listng » dans la collection « partenaires » : vouliez-vous écrire « listing » ?",
            "content/collections.yml:7:41: erreur : clé inconnue « requried » dans le champ « title » de « partenaires » : vouliez-vous écrire « required » ?",
            "content/collections.yml:8:22: erreur : type inconnu « texte » pour le champ « metier » de « partenaires » : vouliez-vous écrire « text » ?",
            "conseil : types possibles : text, date, date_or_datetime, bool, url, contact, price, term, terms, text_list, choice, attachments, number, reference, references",
            "content/collections.yml:9:55: erreur : le champ « region » de « partenaires » : la liste « regoins » n'existe pas dans site.yml : vouliez-vous écrire « regions » ?",
            "content/collections.yml:10:22: erreur : le champ « themes » de « partenaires » est de type terms mais n'indique pas sa liste (« vocabulary »)",
            "content/collections.yml:11:22: erreur : le champ « statut » de « partenaires » est de type choice mais n'a pas de valeurs (« choices »)",
            "content/collections.yml:13:17: erreur : la règle nomme « fin », qui n'est pas un champ de « partenaires »",
            "content/collections.yml:13:34: erreur : la règle nomme « debut », qui n'est pas un champ de « partenaires »",
            "conseil : champs déclarés : title, metier, region, themes, statut",
            "content/collections.yml:14:3: erreur : l'identifiant de collection « Autres » invalide : minuscules sans accent, chiffres et tirets",
            "content/collections.yml:19:3: erreur : les collections « partenaires » et « copie » ont le même dossier « partenaires »",
            "content/collections.yml:31:3: erreur : les collections « racine » et « autre-racine » publient leurs pages au même endroit : la racine du site",
            "content/collections.yml:31:3: erreur : la collection « autre-racine » n'a pas de « label »",
            "content/collections.yml:34:5: erreur : la collection « autre-racine » n'a pas de champ « title »",
            "content/collections.yml:36:3: erreur : l'identifiant de collection « themes » est réservé par Castor à ses propres pages",
        ]
        for line in expected {
            XCTAssertTrue(text.contains(line), "« \(line) » missing from:\n\(text)")
        }
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.count, expected.count - 2, text)
    }

    func testTwoCollectionsAtTheSameAddressAreRefused() {
        let yaml = """
            collections:
              pages:
                prefix: ""
                label: Pages
                singular: Page
                fields: {title: {type: text, label: Titre}}
              racine:
                prefix: ""
                label: Racine
                singular: Racine
                fields: {title: {type: text, label: Titre}}
              partenaires:
                prefix: annuaire/
                label: Partenaires
                singular: Partenaire
                fields: {title: {type: text, label: Titre}}

            """
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "collections.yml", vocabularies: vocabularies)
        XCTAssertNil(collections)
        XCTAssertEqual(diagnostics.map(\.formatted), [
            "collections.yml:7:3: erreur : les collections « pages » et « racine » publient leurs pages au même endroit : la racine du site\n  conseil : donnez à chacune son préfixe d'adresse (clé « prefix »)"
        ])
        let fixed = yaml.replacingOccurrences(of: "  racine:\n    prefix: \"\"", with: "  racine:\n    prefix: racine")
        let (ok, none) = CollectionDeclarations.load(yaml: fixed, file: "collections.yml", vocabularies: vocabularies)
        XCTAssertEqual(none, [])
        XCTAssertEqual(ok?.map(\.publishedPrefix), ["", "racine/", "annuaire/"])
    }

    func testCommandLineNamesFindTheirCollectionBySingular() {
        let all = TestCollections.all
        XCTAssertEqual(CollectionDeclarations.find("fiche", in: all)?.id, "fiches")
        XCTAssertEqual(CollectionDeclarations.find("evenement", in: all)?.id, "agenda")
        XCTAssertEqual(CollectionDeclarations.find("Événement", in: all)?.id, "agenda")
        XCTAssertEqual(CollectionDeclarations.find("annonce", in: all)?.id, "annonces")
        XCTAssertEqual(CollectionDeclarations.find("agenda", in: all)?.id, "agenda")
        XCTAssertNil(CollectionDeclarations.find("partenaire", in: all))
    }

    // MARK: - Through check, build, new and the editor

    func check(_ content: URL) -> (Builder.Checked?, BuildReport) {
        var report = BuildReport()
        let templates = content.deletingLastPathComponent().appendingPathComponent("templates").path
        let checked = Builder(options: BuildOptions(content: content.path, templates: templates, today: today)).check(report: &report)
        return (checked, report)
    }

    func edit(_ url: URL, _ transform: (String) -> String) throws {
        try transform(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    func testAMissingDeclarationsFileIsAnErrorThatSaysWhatToCreate() throws {
        let content = try temporaryContent(self)
        try FileManager.default.removeItem(at: content.appendingPathComponent("collections.yml"))
        let (checked, report) = check(content)
        XCTAssertNil(checked)
        let errors = report.diagnostics.errors.map(\.formatted)
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors[0].contains("collections.yml: erreur : fichier des collections manquant"), errors[0])
        XCTAssertTrue(errors[0].contains("créez collections.yml à côté de site.yml"), errors[0])
    }

    /// A field declared in collections.yml only: accepted by check, offered by new and the editor.
    func testAFieldAddedInTheDeclarationsOnlyIsCheckedOfferedAndEdited() throws {
        let content = try temporaryContent(self)
        let event = content.appendingPathComponent("agenda/atelier.md")
        try edit(event) { $0.replacingOccurrences(of: "\ntitle:", with: "\norganizer: Association Hameaux Légers\ntitle:") }
        var (_, report) = check(content)
        XCTAssertTrue(
            report.diagnostics.warnings.contains { $0.message == "champ inconnu « organizer » : il est ignoré" },
            "before: an unknown field\n\(report.diagnostics.sorted.map(\.formatted))")

        let declarations = content.appendingPathComponent("collections.yml")
        try edit(declarations) {
            $0.replacingOccurrences(of: """
                      location:
                        type: text
                """, with: """
                      organizer:
                        type: text
                        label: Organisateur
                        aliases: [organisateur, organisé par]
                        example: Association Hameaux Légers
                        help: l'association ou le groupe qui organise
                      location:
                        type: text
                """)
        }
        (_, report) = check(content)
        XCTAssertFalse(report.diagnostics.hasErrors, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertFalse(report.diagnostics.items.contains { $0.message.contains("organizer") }, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let entry = try XCTUnwrap(report.inventory?.entries.first { $0.relativePath == "agenda/atelier.md" })
        XCTAssertEqual(entry["organizer"], .text("Association Hameaux Légers"))
        // The French name is refused with the right one, like any declared field.
        try edit(event) { $0.replacingOccurrences(of: "organizer:", with: "organisateur:") }
        (_, report) = check(content)
        XCTAssertTrue(report.diagnostics.errors.contains { $0.message == "champ « organisateur » inconnu : vouliez-vous écrire « organizer » ?" })

        let setup = SiteSetup.load(contentRoot: content.path)
        let config = try XCTUnwrap(setup.config)
        let collections = try XCTUnwrap(setup.collections)
        let agenda = try XCTUnwrap(CollectionDeclarations.find("evenement", in: collections))
        let draft = try Scaffold.draft(
            .init(collection: agenda, title: "Visite", date: "2027-05-12", today: today), config: config, contentRoot: content.path)
        XCTAssertTrue(draft.text.contains("\n# organizer: \"Association Hameaux Légers\"  # facultatif (organisateur)\n"), draft.text)
        let yaml = DecapConfig.yaml(config: config, collections: collections, backend: .init())
        let parsed = try XCTUnwrap(try Yams.load(yaml: yaml) as? [String: Any])
        let editor = try XCTUnwrap((parsed["collections"] as? [[String: Any]])?.first { $0["name"] as? String == "agenda" })
        let field = try XCTUnwrap((editor["fields"] as? [[String: Any]])?.first { $0["name"] as? String == "organizer" })
        XCTAssertEqual(field["label"] as? String, "Organisateur")
        XCTAssertEqual(field["hint"] as? String, "l'association ou le groupe qui organise")
        XCTAssertEqual(field["required"] as? Bool, false)
    }

    /// No collection has code of its own any more: the fiches, the agenda and the ads may be
    /// declared otherwise; only keys that need another key are refused, at their place (the
    /// fiches' per-group search and cards need `groups`).
    func testEveryKindIsADeclarationOnly() throws {
        let content = try temporaryContent(self)
        try edit(content.appendingPathComponent("collections.yml")) {
            // `odt: {groups: …}` goes with `groups` (it would be an error of its own without it).
            $0.replacingOccurrences(of: "    groups: fiche_types\n", with: "")
                .replacingOccurrences(of: EditableDocumentSiteTests.fichesDeclaration, with: "")
                .replacingOccurrences(of: "type: date_or_datetime\n        label: Début", with: "type: date\n        label: Début")
                .replacingOccurrences(of: "          postponed: Reporté\n", with: "")
        }
        let (checked, report) = check(content)
        XCTAssertNil(checked)
        let messages = Set(report.diagnostics.errors.map(\.message))
        XCTAssertEqual(messages, [
            "« groups » de « search » demande une collection rangée en sous-dossiers (« groups »)",
            "« card_format » : « group » demande une collection rangée en sous-dossiers (« groups »)",
        ])
        XCTAssertTrue(report.diagnostics.errors.allSatisfy { $0.file.hasSuffix("collections.yml") && $0.line > 0 })
        // And no Swift file names a collection of the project.
        let sources = EndToEndTests.repository.appendingPathComponent("Sources")
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for name in ["\"fiches", "fiches/", "fiche_types", "BuiltinKinds", "\"fiche\""] {
                    XCTAssertFalse(line.contains(name), "\(url.lastPathComponent): \(line)")
                }
            }
        }
    }

    func testATemplateNamedInTheDeclarationsMustExist() throws {
        let content = try temporaryContent(self)
        try edit(content.appendingPathComponent("collections.yml")) { $0.replacingOccurrences(of: "template: event", with: "template: evenement") }
        let (checked, report) = check(content)
        XCTAssertNil(checked)
        let error = try XCTUnwrap(report.diagnostics.errors.first, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(error.message, "le gabarit « evenement » de la collection « agenda » n'existe pas")
        XCTAssertTrue(error.file.hasSuffix("collections.yml"))
        XCTAssertGreaterThan(error.line, 0)
    }

    func testAFieldRemovedFromTheDeclarationsBecomesAnUnknownField() throws {
        let content = try temporaryContent(self)
        try edit(content.appendingPathComponent("agenda/atelier.md")) { $0.replacingOccurrences(of: "\ntitle:", with: "\nannounced: 2026-10-01\ntitle:") }
        var (_, report) = check(content)
        XCTAssertFalse(report.diagnostics.items.contains { $0.message.contains("announced") })
        try edit(content.appendingPathComponent("collections.yml")) {
            // The calendar named it too (`calendar: {announced}`): both go.
            $0.replacingOccurrences(of: "      announced:\n        type: date\n        label: Annoncé le\n        aliases: [annoncé, annoncé le, annonce]\n", with: "")
                .replacingOccurrences(of: "      announced: announced\n", with: "")
        }
        (_, report) = check(content)
        XCTAssertFalse(report.diagnostics.hasErrors, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(report.diagnostics.warnings.contains { $0.message == "champ inconnu « announced » : il est ignoré" && $0.file.hasSuffix("agenda/atelier.md") })
    }

    /// A collection declared without any publishing key (issue 12): published all the same.
    static let partners = """
          partenaires:
            label: Partenaires
            singular: Partenaire
            fields:
              title:
                type: text
                label: Nom
                required: true
              summary:
                type: text
                label: Présentation
                required: true
                example: Notaire spécialisée en sociétés d'habitants
              region:
                type: term
                label: Région
                vocabulary: regions
              website:
                type: url
                label: Site web

        """

    func testACollectionDeclaredInYAMLOnlyIsCheckedPublishedAndLinkedTo() throws {
        let content = try temporaryContent(self)
        try edit(content.appendingPathComponent("collections.yml")) { $0 + "\n" + CollectionDeclarationsTests.partners }
        let folder = content.appendingPathComponent("partenaires")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "---\ntitle: Étude Martin\nsummary: Notaires.\nregion: bretagne\n---\nTexte.\n".write(
            to: folder.appendingPathComponent("etude-martin.md"), atomically: true, encoding: .utf8)
        try "---\nsummary: Sans nom.\nregion: bzh\n---\n".write(to: folder.appendingPathComponent("sans-nom.md"), atomically: true, encoding: .utf8)
        var (checked, report) = check(content)
        let text = report.diagnostics.sorted.map(\.formatted).joined(separator: "\n")
        // Checked like any collection.
        XCTAssertTrue(text.contains("partenaires/sans-nom.md:1:1: erreur : champ obligatoire manquant : « title » (nom)"), text)
        XCTAssertTrue(text.contains("partenaires/sans-nom.md:3:9: erreur : valeur « bzh » absente de la liste « regions »"), text)
        XCTAssertNil(checked)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("sans-nom.md"))
        (checked, report) = check(content)
        let site = try XCTUnwrap(checked, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        // Published: no warning at its declaration, an item page and a listing.
        XCTAssertFalse(report.diagnostics.warnings.contains { $0.file.hasSuffix("collections.yml") })
        XCTAssertTrue(report.inventory?.published.contains("partenaires/etude-martin.md") ?? false)
        XCTAssertTrue(site.plan.jobs.contains { $0.url == "partenaires/etude-martin/" })
        XCTAssertTrue(site.plan.jobs.contains { $0.url == "partenaires/" })
        // Its items' broken links are errors, like any published item's.
        try edit(folder.appendingPathComponent("etude-martin.md")) { $0 + "Voir [le cabinet](cabinet.md).\n" }
        (checked, report) = check(content)
        XCTAssertNil(checked)
        XCTAssertTrue(report.diagnostics.errors.contains { $0.message == "lien vers un fichier introuvable : « cabinet.md »" },
            report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        try edit(folder.appendingPathComponent("etude-martin.md")) { $0.replacingOccurrences(of: "Voir [le cabinet](cabinet.md).\n", with: "") }

        // A link to one of its items leads to its page.
        try edit(content.appendingPathComponent("pages/a-propos.md")) { $0 + "\nVoir [l'étude](../partenaires/etude-martin.md).\n" }
        (checked, report) = check(content)
        XCTAssertNotNil(checked, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(checked?.site.bodies["pages/a-propos.md"]?.html.contains("partenaires/etude-martin/\"") ?? false,
            checked?.site.bodies["pages/a-propos.md"]?.html ?? "")

        // castor new knows it, by id or by singular, and fills it from the declaration.
        let setup = SiteSetup.load(contentRoot: content.path)
        let partners = try XCTUnwrap(CollectionDeclarations.find("partenaire", in: try XCTUnwrap(setup.collections)))
        let draft = try Scaffold.draft(
            .init(collection: partners, title: "Cabinet Durand", region: "bretagne", today: today), config: try XCTUnwrap(setup.config),
            contentRoot: content.path)
        XCTAssertEqual(draft.relativePath, "partenaires/cabinet-durand.md")
        XCTAssertTrue(draft.text.contains("summary: \"À compléter : présentation.\"  # obligatoire ; par exemple : « Notaire spécialisée en sociétés d'habitants »"), draft.text)
        XCTAssertTrue(draft.text.contains("\nregion: bretagne\n"), draft.text)
        XCTAssertTrue(draft.text.contains("\n# website: https://exemple.org/  # facultatif (site web)\n"), draft.text)
    }

    func testServeReloadsTheDeclarationsWhenCollectionsYmlChanges() throws {
        let content = try temporaryContent(self)
        let folder = content.deletingLastPathComponent()
        let options = BuildOptions(
            content: content.path, templates: folder.appendingPathComponent("templates").path,
            output: folder.appendingPathComponent("live").path, today: today)
        try edit(content.appendingPathComponent("agenda/atelier.md")) { $0.replacingOccurrences(of: "\ntitle:", with: "\norganizer: Hameaux\ntitle:") }
        let live = SiteStore(options: options)
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.diagnostics.warnings.contains { $0.message == "champ inconnu « organizer » : il est ignoré" })
        try edit(content.appendingPathComponent("collections.yml")) {
            $0.replacingOccurrences(of: "      location:\n", with: "      organizer:\n        type: text\n        label: Organisateur\n      location:\n")
        }
        outcome = live.update(.init(contentPaths: ["collections.yml"]))
        XCTAssertTrue(outcome.published)
        XCTAssertFalse(outcome.diagnostics.items.contains { $0.message.contains("organizer") }, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        // A broken declaration stops the preview with its message, as check does.
        try edit(content.appendingPathComponent("collections.yml")) { $0.replacingOccurrences(of: "type: date_or_datetime", with: "type: datetime") }
        outcome = live.update(.init(contentPaths: ["collections.yml"]))
        XCTAssertFalse(outcome.published)
        XCTAssertTrue(outcome.diagnostics.errors.contains { $0.message.hasPrefix("type inconnu « datetime »") })
    }
}
