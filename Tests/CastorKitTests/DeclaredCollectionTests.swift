import Foundation
import XCTest

@testable import CastorKit

/// Issue 12, stage 2a: a collection declared in collections.yml only (the partners' directory
/// of Fixtures/partenaires) is published by the generic renderer, with no Swift code of its own.
final class DeclaredCollectionTests: XCTestCase {
    static let fixture = EndToEndTests.fixtures.appendingPathComponent("partenaires")

    /// Adds the partners' declaration, its list of site.yml and its items to a content folder.
    static func addPartners(to content: URL) throws {
        func append(_ name: String, to file: String) throws {
            let url = content.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let added = try String(contentsOf: fixture.appendingPathComponent(name), encoding: .utf8)
            try (text + "\n" + added).write(to: url, atomically: true, encoding: .utf8)
        }
        try append("declaration.yml", to: "collections.yml")
        try append("lists.yml", to: "site.yml")
        try FileManager.default.copyItem(
            at: fixture.appendingPathComponent("content/partenaires"), to: content.appendingPathComponent("partenaires"))
    }

    /// The project's directory is the fixture's, grown by issue 13: the same publishing keys
    /// (the area covered is now `regions`, several regions), every fixture field but `region`,
    /// every fixture list value; and at least eight partners.
    func testTheProjectDeclaresThePartnersAsTheFixtureDoes() throws {
        let project = EndToEndTests.repository.appendingPathComponent("content")
        let setup = SiteSetup.load(contentRoot: project.path)
        XCTAssertEqual(setup.diagnostics.map(\.message), [])
        let partners = try XCTUnwrap(setup.collections?.first { $0.id == "partenaires" })
        let declaration = try String(contentsOf: Self.fixture.appendingPathComponent("declaration.yml"), encoding: .utf8)
        let fixture = try XCTUnwrap(CollectionDeclarations.load(
            yaml: "collections:\n" + declaration, file: "collections.yml", vocabularies: ["regions", "partner_types"]).0?.first)
        XCTAssertEqual(partners.publishing.order, fixture.publishing.order)
        XCTAssertEqual(partners.publishing.feedTitle, fixture.publishing.feedTitle)
        XCTAssertEqual(partners.publishing.searchLabel, fixture.publishing.searchLabel)
        XCTAssertEqual(partners.publishing.listings.map(\.vocabulary), ["partner_types", "regions"])
        XCTAssertEqual(partners.publishing.listings.map(\.field), ["types", "regions"])
        for field in fixture.fields where field.key != "region" {
            XCTAssertEqual(partners.field(field.key)?.type, field.type, field.key)
        }
        let config = try XCTUnwrap(setup.config)
        let fixtureLists = try XCTUnwrap(SiteConfig.load(
            yaml: "title: x\nbase_url: https://x.org/\nfiche_types: {a: A}\nthemes: {a: A}\nregions: {a: A}\nad_categories: {a: A}\n"
                + (try String(contentsOf: Self.fixture.appendingPathComponent("lists.yml"), encoding: .utf8)), file: "site.yml").0)
        XCTAssertTrue(Set(config.vocabulary("partner_types").keys).isSuperset(of: fixtureLists.vocabulary("partner_types").keys))
        let items = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("partenaires").path)
        XCTAssertGreaterThanOrEqual(items.filter { $0.hasSuffix(".md") }.count, 8)
    }

    /// Each publishing key is checked, with its place and a French message.
    func testEveryPublishingKeyMistakeIsReportedWithItsPlace() {
        let yaml = """
            collections:
              partenaires:
                label: Partenaires
                singular: Partenaire
                order: {field: nom, direction: haut}
                pagination: zéro
                listings: [partner_typs, themes]
                card: [region, ville]
                feed: {titre: Nouveaux}
                search: {label: ""}
                navigation: oui
                fields:
                  title: {type: text, label: Nom, required: true}
                  region: {type: term, label: Région, vocabulary: regions}

            """
        let (collections, diagnostics) = CollectionDeclarations.load(
            yaml: yaml, file: "collections.yml", vocabularies: ["regions", "themes", "partner_types"])
        XCTAssertNil(collections)
        let lines = diagnostics.map { "\($0.line):\($0.column) \($0.message)" }
        let expected = [
            "5:20 « order » : « nom » n'est pas un champ de « partenaires »",
            "6:17 « pagination » doit être un nombre d'éléments par page, plus grand que 0",
            "7:15 « listings » : la liste « partner_typs » n'existe pas dans site.yml : vouliez-vous écrire « partner_types » ?",
            "7:15 « listings » : aucun champ de « partenaires » ne prend ses valeurs dans la liste « themes »",
            "8:11 « card » : « ville » n'est pas un champ de « partenaires »",
            "9:12 clé inconnue « titre » dans « feed » de la collection « partenaires » : vouliez-vous écrire « title » ?",
            "11:17 « navigation » doit valoir true ou false",
        ]
        for line in expected {
            XCTAssertTrue(lines.contains { $0.hasPrefix(line) }, "missing: \(line)\n" + lines.joined(separator: "\n"))
        }
        XCTAssertTrue(lines.contains { $0.contains("« search » de la collection « partenaires » : « label » manquant ou vide") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("« feed » de la collection « partenaires » : « title » manquant ou vide") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("« direction » vaut asc (croissant) ou desc (décroissant)") }, lines.joined(separator: "\n"))
    }

    /// A valid declaration: what the generic renderer will read.
    func testPublishingKeysAreRead() throws {
        let declaration = try String(contentsOf: Self.fixture.appendingPathComponent("declaration.yml"), encoding: .utf8)
        let (collections, diagnostics) = CollectionDeclarations.load(
            yaml: "collections:\n" + declaration, file: "collections.yml", vocabularies: ["regions", "partner_types"])
        XCTAssertEqual(diagnostics, [])
        let publishing = try XCTUnwrap(collections?.first?.publishing)
        XCTAssertEqual(publishing.order, .init(field: "title", descending: false))
        XCTAssertEqual(publishing.perPage, 30)
        XCTAssertEqual(publishing.listings.map(\.field), ["types", "region"])
        XCTAssertEqual(publishing.card, ["types", "region"])
        XCTAssertEqual(publishing.feedTitle, "Nouveaux partenaires de l'annuaire")
        XCTAssertEqual(publishing.searchLabel, "Partenaire")
        XCTAssertTrue(publishing.navigation)
        XCTAssertTrue(collections?.first?.reservedSlugs.isSuperset(of: ["types", "region"]) ?? false, "an item may not take a listing's address")
    }

    /// `castor new partenaires` and the web editor read the same declaration and the new list.
    func testNewAndTheEditorKnowADeclaredCollectionAndItsList() throws {
        let content = try temporaryContent(self)
        try Self.addPartners(to: content)
        let setup = SiteSetup.load(contentRoot: content.path)
        let config = try XCTUnwrap(setup.config, setup.diagnostics.map(\.formatted).joined(separator: "\n"))
        let partners = try XCTUnwrap(CollectionDeclarations.find("partenaires", in: try XCTUnwrap(setup.collections)))
        let draft = try Scaffold.draft(
            .init(collection: partners, title: "Cabinet Durand", today: LocalDate(iso: "2026-11-23")!), config: config, contentRoot: content.path)
        XCTAssertEqual(draft.relativePath, "partenaires/cabinet-durand.md")
        // A required list field is filled and said required (it used to say « facultatif »).
        XCTAssertTrue(draft.text.contains("\ntypes: [notaire]  # obligatoire, à choisir parmi : notaire, amo, architecte, financeur, bailleur-social, juriste\n"), draft.text)
        let editor = DecapConfig.yaml(config: config, collections: try XCTUnwrap(setup.collections), backend: .init())
        XCTAssertTrue(editor.contains("name: \"partenaires\"") || editor.contains("name: partenaires"), editor)
        XCTAssertTrue(editor.contains("Assistance à maîtrise d'ouvrage (AMO)"), "the editor offers the new list's labels")
    }

    /// Its template: `<id>.mustache` when the templates have it, else `item.mustache`, whose
    /// absence is an error at the declaration.
    func testTheItemTemplateIsTheCollectionsOwnOrTheGenericOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: EndToEndTests.fixtures.appendingPathComponent("site/content"), to: content)
        try FileManager.default.copyItem(at: EndToEndTests.repository.appendingPathComponent("templates"), to: templates)
        try Self.addPartners(to: content)
        let options = BuildOptions(
            content: content.path, templates: templates.path, output: folder.appendingPathComponent("site").path,
            today: LocalDate(iso: "2026-11-23")!)
        var report = BuildReport()
        let checked = try XCTUnwrap(Builder(options: options).check(report: &report))
        let schema = try XCTUnwrap(checked.site.collections.first { $0.schema.id == "partenaires" }?.schema)
        XCTAssertEqual(PageRenderer.itemTemplate(schema, templates: checked.templates), "item")

        try "{{<base}}{{$main}}<h1>{{item.title}}</h1>{{/main}}{{/base}}\n".write(
            to: templates.appendingPathComponent("partenaires.mustache"), atomically: true, encoding: .utf8)
        report = BuildReport()
        let own = try XCTUnwrap(Builder(options: options).check(report: &report))
        XCTAssertEqual(PageRenderer.itemTemplate(schema, templates: own.templates), "partenaires")

        try FileManager.default.removeItem(at: templates.appendingPathComponent("partenaires.mustache"))
        try FileManager.default.removeItem(at: templates.appendingPathComponent("item.mustache"))
        report = BuildReport()
        XCTAssertNil(Builder(options: options).check(report: &report))
        XCTAssertTrue(report.diagnostics.errors.contains {
            $0.message == "le gabarit « item » de la collection « partenaires » n'existe pas" && $0.file.hasSuffix("collections.yml") && $0.line > 0
        }, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
    }

    /// site.yml: any top-level map is a list a collection may use; the four lists stay required;
    /// an unknown key that is not a list stays a warning.
    func testSiteYmlListsOpenToAnyName() {
        let yaml = """
            title: Site
            base_url: https://exemple.org/
            fiche_types: {guide: Guide}
            themes: {juridique: Juridique}
            regions: {bretagne: Bretagne}
            ad_categories: {terrain: Terrain}
            partner_types:
              notaire: Notaire
              Mauvais Nom: Mauvais
            couleur: bleu

            """
        let (config, diagnostics) = SiteConfig.load(yaml: yaml, file: "site.yml")
        XCTAssertNil(config, "a bad slug in a new list is an error, as in the four")
        XCTAssertTrue(diagnostics.contains { $0.message == "identifiant « Mauvais Nom » invalide dans « partner_types »" && $0.line == 9 })
        XCTAssertTrue(diagnostics.contains { $0.severity == .warning && $0.message == "champ inconnu « couleur » : il est ignoré" })
        let fixed = SiteConfig.load(yaml: yaml.replacingOccurrences(of: "  Mauvais Nom: Mauvais\n", with: ""), file: "site.yml")
        XCTAssertEqual(fixed.0?.vocabulary("partner_types").elements.map(\.key), ["notaire"])
        let missing = SiteConfig.load(yaml: yaml.replacingOccurrences(of: "themes: {juridique: Juridique}\n", with: ""), file: "site.yml")
        XCTAssertTrue(missing.1.contains { $0.message == "liste « themes » manquante" })
    }
}

/// Building with the real CLI, through the end-to-end harness.
extension EndToEndTests {
    /// The real CLI builds the fixture site plus the partners: pages, listings, feed, search,
    /// sitemap, menu, all from the declaration.
    func testTheCLIPublishesACollectionDeclaredInYAMLOnly() throws {
        let folder = try workspace()
        try DeclaredCollectionTests.addPartners(to: folder.appendingPathComponent("content"))
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("partenaires : 3"), result.stdout)
        XCTAssertFalse(result.stderr.contains("partenaires"), result.stderr)
        let site = folder.appendingPathComponent("site")
        func page(_ path: String) throws -> String { try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) }

        // The item page: the declared fields with their labels, terms linked to their listings,
        // the contact masked, the link to a fiche resolved, the French typography applied.
        let notary = try page("partenaires/etude-notariale-des-lices/index.html")
        XCTAssertTrue(notary.contains("<h1>Étude notariale des Lices</h1>"), notary)
        XCTAssertTrue(notary.contains("<dt>Métier</dt>\n<dd><a href=\"../../partenaires/types/notaire/\">Notaire</a></dd>"), notary)
        XCTAssertTrue(notary.contains("<dt>Région</dt>\n<dd><a href=\"../../partenaires/region/bretagne/\">Bretagne</a></dd>"), notary)
        XCTAssertTrue(notary.contains("<a href=\"https://notaires-des-lices.example.org/\">"), notary)
        XCTAssertTrue(notary.contains("<time datetime=\"2026-10-14\">14 octobre 2026</time>"), notary)
        XCTAssertTrue(notary.contains("class=\"contact-masque\""), notary)
        XCTAssertTrue(notary.contains("contacts.js"), notary)
        XCTAssertFalse(notary.contains("accueil@notaires-des-lices"), "the contact is never in the page")
        XCTAssertTrue(notary.contains("href=\"../../fiches/structures-juridiques/scic/\""), notary)
        XCTAssertTrue(notary.contains("<a href=\"../../partenaires/\">Partenaires</a>"), "breadcrumbs")
        XCTAssertTrue(notary.contains("title=\"Nouveaux partenaires de l&#39;annuaire\" href=\"../../partenaires/atom.xml\""), notary)
        XCTAssertTrue(notary.contains("d\u{2019}habitants") || notary.contains("d&#39;habitants"), notary)

        // The listing, ordered by title, with cards showing the declared card fields.
        let listing = try page("partenaires/index.html")
        let titles = ["Crédit solidaire de l&#39;habitat", "Étude notariale des Lices", "Trame, coopérative d&#39;AMO"]
        let places = titles.map { listing.range(of: $0)?.lowerBound }
        XCTAssertFalse(places.contains(nil), listing)
        XCTAssertEqual(places.compactMap { $0 }, places.compactMap { $0 }.sorted(), "ordered by title, without accents")
        XCTAssertTrue(listing.contains("<span class=\"etiquette\">Partenaire</span> · Métier\u{00A0}: Notaire · Région\u{00A0}: Bretagne"), "card fields, with the French typography: " + listing)
        XCTAssertTrue(listing.contains("<a href=\"../partenaires/types/\">Par métier</a>"), listing)

        // Per-value listings and their index.
        let amo = try page("partenaires/types/amo/index.html")
        XCTAssertTrue(amo.contains("Trame, coopérative d&#39;AMO") && !amo.contains("Étude notariale"), amo)
        let lawyers = try page("partenaires/types/juriste/index.html")
        XCTAssertTrue(lawyers.contains("Crédit solidaire"), lawyers)
        let types = try page("partenaires/types/index.html")
        XCTAssertTrue(types.contains("Assistance à maîtrise d&#39;ouvrage (AMO) <span class=\"compte\">(1)</span>"), types)
        XCTAssertTrue(try page("partenaires/region/bretagne/index.html").contains("Étude notariale des Lices"))

        // Feed, sitemap, search, menu.
        let feed = try page("partenaires/atom.xml")
        XCTAssertTrue(feed.contains("<subtitle>Nouveaux partenaires de l&#39;annuaire</subtitle>"), feed)
        XCTAssertTrue(feed.contains("<title>Étude notariale des Lices</title>"), feed)
        XCTAssertFalse(feed.contains("accueil@notaires-des-lices"))
        let sitemap = try page("sitemap.xml")
        XCTAssertTrue(sitemap.contains("<loc>https://ressources.exemple.org/partenaires/etude-notariale-des-lices/</loc><lastmod>2026-10-14</lastmod>")
            || sitemap.contains("partenaires/etude-notariale-des-lices/</loc><lastmod>2026-10-14</lastmod>"), sitemap)
        XCTAssertTrue(sitemap.contains("partenaires/types/notaire/</loc>"), sitemap)
        let manifest = try page("recherche/index/index.js")
        XCTAssertTrue(manifest.contains("[\"partenaires\",\"Partenaire\",\"partenaires/\","), manifest)
        let search = try page("recherche/index.html")
        XCTAssertTrue(search.contains("Partenaire"), "the search page offers the type")
        let documents = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("recherche/index/d").path)
            .map { try String(contentsOf: site.appendingPathComponent("recherche/index/d/" + $0), encoding: .utf8) }
        XCTAssertTrue(documents.contains { $0.contains("Étude notariale des Lices") }, "the partners are search documents")
        XCTAssertFalse(documents.contains { $0.contains("accueil@notaires-des-lices") })
        let home = try page("index.html")
        XCTAssertTrue(home.contains("<a href=\"./partenaires/\""), "the main menu has the partners")
    }
}
