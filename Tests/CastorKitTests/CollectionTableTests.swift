import Foundation
import XCTest

@testable import CastorKit

/// Issue 13: a declared collection's listing as a small database — `table` (sort, filters with
/// counts, free text), `export` (CSV, JSON) and `stats` (table and SVG chart) — and the `number`
/// field type, on the fixture site with the partners' directory of Fixtures/partenaires.
final class CollectionTableTests: XCTestCase {
    static let vocabularies: Set<String> = ["regions", "themes", "partner_types"]

    func declaration(_ keys: String) -> String {
        """
        collections:
          partenaires:
            label: Partenaires
            singular: Partenaire
        \(keys)
            fields:
              title: {type: text, label: Nom, required: true}
              types: {type: terms, label: Métier, vocabulary: partner_types}
              region: {type: term, label: Région, vocabulary: regions}
              city: {type: text, label: Ville}
              staff: {type: number, label: Salariés}
              status: {type: choice, label: Statut, choices: {active: Actif, closed: Fermé}}
              contact: {type: contact, label: Contact}
              updated: {type: date, label: Mise à jour}

        """
    }

    func testTheKeysAreRead() throws {
        let yaml = declaration("""
                table: {sort: [title, updated, staff, region], filters: [types, region, status], text: true}
                export: [csv, json]
                stats: {by: [region, status], sum: staff}
            """)
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "collections.yml", vocabularies: Self.vocabularies)
        XCTAssertEqual(diagnostics, [])
        let publishing = try XCTUnwrap(collections?.first?.publishing)
        XCTAssertEqual(publishing.table, CollectionTable(sort: ["title", "updated", "staff", "region"], filters: ["types", "region", "status"], text: true))
        XCTAssertEqual(publishing.exports, [.csv, .json])
        XCTAssertEqual(publishing.stats, CollectionStatsSpec(by: ["region", "status"], sum: "staff"))
        XCTAssertEqual(collections?.first?.field("staff")?.type, .number(NumberRule()))
    }

    /// Every mistake at once, each at its own line and column, in French.
    func testEveryMistakeIsReportedWithItsPlace() {
        let yaml = declaration("""
                table: {sort: [titel, types], filters: [city, regoin], text: oui, columns: 3}
                export: [csv, xls]
                stats: {by: [city], sum: [region]}
            """)
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "collections.yml", vocabularies: Self.vocabularies)
        XCTAssertNil(collections)
        let lines = diagnostics.map { "\($0.line):\($0.column) \($0.message)" }
        let expected = [
            "5:20 « table » (sort) : « titel » n'est pas un champ de « partenaires » : vouliez-vous écrire « title » ?",
            "5:27 « table » (sort) : « types » est de type terms ; on ne trie que par un champ à une seule valeur",
            "5:45 « table » (filters) : « city » est de type text ; on ne filtre que par un champ de type term, terms ou choice",
            "5:51 « table » (filters) : « regoin » n'est pas un champ de « partenaires » : vouliez-vous écrire « region » ?",
            "5:66 « text » de « table » doit valoir true ou false",
            "5:71 clé inconnue « columns » dans « table » de la collection « partenaires »",
            "6:19 « export » : format « xls » inconnu",
            "7:18 « stats » (by) : « city » est de type text ; on ne compte que par un champ de type term, terms, choice, reference ou references",
            "7:31 « stats » (sum) : « region » est de type term ; on n'additionne qu'un champ de type number ou price",
        ]
        for line in expected {
            XCTAssertTrue(lines.contains { $0.hasPrefix(line) }, "missing: \(line)\n" + lines.joined(separator: "\n"))
        }
        XCTAssertEqual(diagnostics.count, expected.count, lines.joined(separator: "\n"))
        XCTAssertTrue(diagnostics.allSatisfy { $0.hint?.isEmpty == false }, "every message has a hint")
    }

    func testAnEmptyTableAndStatsWithoutByAreRefused() {
        let yaml = declaration("""
                table: {text: false}
                stats: {sum: staff}
            """)
        let (_, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "collections.yml", vocabularies: Self.vocabularies)
        let messages = diagnostics.map(\.message)
        XCTAssertTrue(messages.contains("« table » de la collection « partenaires » ne demande ni tri, ni filtre, ni recherche"), "\(messages)")
        XCTAssertTrue(messages.contains("« stats » de la collection « partenaires » : « by » manquant"), "\(messages)")
        let withoutListing = declaration("""
                listing: false
                table: {text: true}
                stats: {by: [region]}
                export: [csv]
            """)
        let (collections, refused) = CollectionDeclarations.load(yaml: withoutListing, file: "collections.yml", vocabularies: Self.vocabularies)
        XCTAssertNil(collections)
        XCTAssertEqual(refused.map { "\($0.line):\($0.column) \($0.message)" }, [
            "6:5 « table » s'affiche sur la page de liste de « partenaires », qui n'en a pas (« listing: false »)",
            "7:5 « stats » s'affiche sur la page de liste de « partenaires », qui n'en a pas (« listing: false »)",
        ], "the exports are files of their own: allowed")
    }

    /// `number`: whole or decimal, negative allowed; anything else refused in French.
    func testTheNumberFieldType() throws {
        let spec = FieldSpec("staff", "Salariés", .number(NumberRule()))
        let config = try XCTUnwrap(SiteConfig.load(yaml: "title: T\nbase_url: https://e.org/\nfiche_types: {a: A}\nthemes: {a: A}\nregions: {a: A}\nad_categories: {a: A}\n", file: "site.yml").0)
        let validator = Validator(config: config, contentRoot: "/nonexistent", collections: [])
        let schema = CollectionSchema(id: "x", label: "X", singular: "X", fields: [FieldSpec("title", "Titre", .text), spec])
        let document = SourceDocument(
            collection: schema, relativePath: "x/y.md", displayPath: "content/x/y.md", group: nil, slug: "y", isBundle: false,
            frontMatter: nil, body: "", bodyFirstLine: 1)
        for (text, expected) in [("12", 12.0), ("4.5", 4.5), ("-1.68", -1.68), ("2_019", 2019)] {
            let value = try XCTUnwrap(YAMLReader.read("v: \(text)", lineOffset: 0)?["v"])
            XCTAssertEqual(try validator.convert(value, spec: spec, document: document).get(), .number(expected), text)
        }
        let bad = try XCTUnwrap(YAMLReader.read("v: douze", lineOffset: 0)?["v"])
        guard case .failure(let problems) = validator.convert(bad, spec: spec, document: document) else { return XCTFail("« douze » accepted") }
        XCTAssertEqual(problems.items.first?.message, "nombre invalide dans « staff » : « douze »")
        XCTAssertEqual(French.number(12), "12")
        XCTAssertEqual(French.number(2019), "2019")
        XCTAssertEqual(French.number(12500), "12\u{202F}500")
        XCTAssertEqual(French.number(4.5), "4,5")
        XCTAssertEqual(French.number(-1.68), "\u{2212}1,68")
    }

    // MARK: - The fixture site with the partners

    /// The fixture site, the partners added, a number field and its values, the keys switched on.
    static func partnersSite(_ test: XCTestCase) throws -> (content: URL, options: BuildOptions) {
        let content = try temporaryContent(test)
        try DeclaredCollectionTests.addPartners(to: content)
        let declarations = content.appendingPathComponent("collections.yml")
        var yaml = try String(contentsOf: declarations, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "    stats: {by: [types, region]}\n", with: "    stats: {by: [types, region], sum: staff}\n")
        yaml += "      staff:\n        type: number\n        label: Salariés\n"
        try yaml.write(to: declarations, atomically: true, encoding: .utf8)
        for (file, staff) in [("cooperative-amo-trame.md", "12"), ("etude-notariale-des-lices.md", "3.5")] {
            let url = content.appendingPathComponent("partenaires/" + file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "\nupdated:", with: "\nstaff: \(staff)\nupdated:").write(to: url, atomically: true, encoding: .utf8)
        }
        let folder = content.deletingLastPathComponent()
        let options = BuildOptions(
            content: content.path, templates: folder.appendingPathComponent("templates").path,
            output: folder.appendingPathComponent("site").path, today: LocalDate(iso: "2026-11-23")!)
        return (content, options)
    }

    func testTheListingContextHasTheFormTheCardsDataTheStatsAndTheLinks() throws {
        let (_, options) = try Self.partnersSite(self)
        var report = BuildReport()
        let checked = try XCTUnwrap(Builder(options: options).check(report: &report), report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let site = checked.site
        let job = try XCTUnwrap(checked.plan.jobs.first { $0.url == "partenaires/" })
        guard case .listing(let listing, let page) = job.kind else { return XCTFail("not a listing") }
        XCTAssertFalse(listing.paginated, "a table is one page")
        let context = PageContext(site: site).listing(listing, pageNumber: page)

        let table = try XCTUnwrap(context["table"] as? [String: Any])
        let filters = try XCTUnwrap(table["filters"] as? [[String: Any]])
        XCTAssertEqual(filters.map { $0["key"] as? String }, ["types", "region"])
        let regions = try XCTUnwrap(filters[1]["options"] as? [[String: Any]])
        XCTAssertEqual(regions.map { "\($0["value"]!)=\($0["count"]!)" }, ["bretagne=2", "national=1"], "values in use, in the list's order (site.yml), counted")
        let sorts = try XCTUnwrap(table["sorts"] as? [[String: Any]])
        XCTAssertEqual(sorts.map { $0["value"] as? String }, ["title-asc", "title-desc", "updated-asc", "updated-desc", "region-asc", "region-desc"])
        XCTAssertEqual(sorts.filter { $0["selected"] as? Bool == true }.map { $0["value"] as? String }, ["title-asc"], "the declared order is the default")
        XCTAssertEqual(table["hasText"] as? Bool, true)

        let cards = try XCTUnwrap((context["list"] as? [String: Any])?["items"] as? [[String: Any]])
        XCTAssertEqual(cards.count, 3)
        let credit = try XCTUnwrap(cards.first { $0["title"] as? String == "Crédit solidaire de l'habitat" })
        let attributes = try XCTUnwrap(credit["dataAttributes"] as? [[String: String]])
        XCTAssertEqual(attributes.map { "\($0["name"]!)=\($0["value"]!)" }, [
            "data-tri-title=Crédit solidaire de l'habitat", "data-tri-updated=2026-11-20", "data-tri-region=National",
            "data-filtre-types=financeur juriste", "data-filtre-region=national",
        ])

        XCTAssertEqual((context["exports"] as? [[String: Any]])?.map { $0["url"] as? String }, ["partenaires/partenaires.csv", "partenaires/partenaires.json"])
        let stats = try XCTUnwrap(context["stats"] as? [[String: Any]])
        XCTAssertEqual(stats.map { $0["caption"] as? String }, ["Partenaires par métier", "Partenaires par région"])
        let byRegion = try XCTUnwrap(stats[1]["rows"] as? [[String: Any]])
        XCTAssertEqual(byRegion.map { "\($0["label"]!):\($0["count"]!):\($0["sum"]!)" }, ["Bretagne:2:15,5", "National:1:0"])
        XCTAssertEqual(stats[1]["totalSum"] as? String, "15,5")
        XCTAssertNotNil(stats[0]["note"], "a terms field counts an item in several rows: said under the table")
        XCTAssertNil(stats[1]["note"])

        // The per-value pages stay plain paginated lists, without the database blocks.
        let value = try XCTUnwrap(checked.plan.jobs.first { $0.url == "partenaires/region/bretagne/" })
        guard case .listing(let plain, _) = value.kind else { return XCTFail("not a listing") }
        let plainContext = PageContext(site: site).listing(plain, pageNumber: 1)
        XCTAssertNil(plainContext["table"])
        XCTAssertNil(plainContext["stats"])
    }

    func testTheChartIsDrawnAtBuildTimeWithATextAlternative() {
        let svg = CollectionStats.chart(id: "c", title: "Nombre de projets par région", rows: [("Bretagne", 4), ("Corse", 1), ("Grand Est", 0)])
        XCTAssertTrue(svg.hasPrefix("<svg class=\"diagramme\" width=\"100%\" height=\"124\" role=\"img\" aria-labelledby=\"c\">"), svg)
        XCTAssertTrue(svg.contains("<title id=\"c\">Nombre de projets par région — Bretagne : 4 ; Corse : 1 ; Grand Est : 0</title>"), svg)
        XCTAssertTrue(svg.contains("width=\"80.0%\""), "the biggest bar takes 80 % of the width, leaving room for its figure")
        XCTAssertTrue(svg.contains("width=\"20.0%\""), svg)
        XCTAssertTrue(svg.contains("width=\"0.0%\""), svg)
        XCTAssertFalse(svg.contains("<script"), svg)
    }

    func testExportsKeepTheFieldsOrderLabelsAndMaskContacts() throws {
        let (_, options) = try Self.partnersSite(self)
        var report = BuildReport()
        let checked = try XCTUnwrap(Builder(options: options).check(report: &report))
        let files = CollectionExports.files(checked.site)
        XCTAssertEqual(files.map(\.file), ["partenaires/partenaires.csv", "partenaires/partenaires.json"])
        XCTAssertTrue(checked.extras.map(\.file).contains("partenaires/partenaires.csv"), "made with the other files of the build")
        let csv = files[0].text
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}Nom,En quelques mots,Métier,Région,Ville,Site web,Contact,Recommandé par,Mise à jour,Salariés,Adresse de la page\r\n"), csv)
        XCTAssertTrue(csv.contains("\r\n\"Trame, coopérative d'AMO\","), "a comma means quotes")
        XCTAssertTrue(csv.contains(",Banque et financeur ; Juriste,National,"), csv)
        XCTAssertTrue(csv.contains(",2026-10-14,3.5,https://"), csv)
        XCTAssertFalse(csv.contains("accueil@") || csv.contains("02 00 00"), "contacts stay masked")
        XCTAssertTrue(csv.contains("[contact masqué]"))
        let json = files[1].text
        XCTAssertTrue(json.contains("\"staff\" : 12,"), json)
        XCTAssertTrue(json.contains("\"staff\" : null"), json)
        XCTAssertTrue(json.contains("\"types\" : [\n        \"Banque et financeur\",\n        \"Juriste\"\n      ]"), json)
    }
}

/// Building with the real CLI, through the end-to-end harness.
extension EndToEndTests {
    func testTheCLIPublishesADeclaredCollectionAsASmallDatabase() throws {
        let (content, _) = try CollectionTableTests.partnersSite(self)
        let folder = content.deletingLastPathComponent()
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("site")
        func file(_ path: String) throws -> String { try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) }
        let listing = try file("partenaires/index.html")
        XCTAssertTrue(listing.contains("<form class=\"filtres\" id=\"tableau-filtres\" hidden>"), listing)
        XCTAssertTrue(listing.contains("<option value=\"bretagne\" data-libelle=\"Bretagne\">Bretagne (2)</option>"), listing)
        XCTAssertTrue(listing.contains("<li data-tri-title=\"Étude notariale des Lices\" data-tri-updated=\"2026-10-14\""), listing)
        XCTAssertTrue(listing.contains("<script src=\"../assets/tableau.js\" defer></script>"), listing)
        XCTAssertTrue(listing.contains("<a href=\"../partenaires/partenaires.csv\" download>CSV</a>, <a href=\"../partenaires/partenaires.json\" download>JSON</a>"), listing)
        XCTAssertTrue(listing.contains("<caption>Partenaires par région</caption>"), listing)
        XCTAssertTrue(listing.contains("<th scope=\"col\">Salariés</th>"), listing)
        XCTAssertTrue(listing.contains("<tr><th scope=\"row\">Ensemble</th><td class=\"nombre\">3</td><td class=\"nombre\">15,5</td></tr>"), listing)
        XCTAssertTrue(listing.contains("<svg class=\"diagramme\""), listing)
        XCTAssertFalse(listing.contains("page/2/"), "one page")
        let csv = try Data(contentsOf: site.appendingPathComponent("partenaires/partenaires.csv"))
        XCTAssertEqual(Array(csv.prefix(6)), [0xEF, 0xBB, 0xBF] + Array("Nom".utf8), "UTF-8 with its byte order mark")
        XCTAssertTrue(try file("partenaires/partenaires.json").contains("\"collection\" : \"partenaires\""))
        // The item page shows the number in French.
        XCTAssertTrue(try file("partenaires/etude-notariale-des-lices/index.html").contains("<dt>Salariés</dt>\n<dd>3,5</dd>"))
        // The plain per-value pages are there for visitors without JavaScript, without the form.
        let bretagne = try file("partenaires/region/bretagne/index.html")
        XCTAssertTrue(bretagne.contains("Étude notariale des Lices") && !bretagne.contains("tableau-filtres"), bretagne)
    }
}

/// `castor serve` writes the same bytes as `castor build` for the database keys: the table page,
/// its statistics and the exports follow every edit of the items and of the declaration.
extension LiveSiteTests {
    func testServeWritesTheTableTheStatisticsAndTheExportsAsBuildDoes() throws {
        try DeclaredCollectionTests.addPartners(to: content)
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let exported = folder.appendingPathComponent("live/partenaires/partenaires.csv")
        XCTAssertTrue(FileManager.default.fileExists(atPath: exported.path))
        assertSameAsBuild(live, outcome, "first build with the database keys")

        // A number field summed in the statistics, then its values in the items.
        try edit("collections.yml") {
            $0.replacingOccurrences(of: "    stats: {by: [types, region]}\n", with: "    stats: {by: [types, region], sum: staff}\n")
                + "      staff:\n        type: number\n        label: Salariés\n"
        }
        outcome = live.update(.init(contentPaths: ["collections.yml"]))
        XCTAssertTrue(outcome.published, "number field declared: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "number field declared")
        let notary = "partenaires/etude-notariale-des-lices.md"
        try edit(notary) { $0.replacingOccurrences(of: "\nupdated:", with: "\nstaff: 7\nupdated:") }
        outcome = live.update(.init(contentPaths: [notary]))
        XCTAssertTrue(outcome.published, "number set: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(try String(contentsOf: exported, encoding: .utf8).contains(",7,"), "the export follows the edit")
        assertSameAsBuild(live, outcome, "number set")
        try edit(notary) { $0.replacingOccurrences(of: "region: bretagne", with: "region: national") }
        outcome = live.update(.init(contentPaths: [notary]))
        assertSameAsBuild(live, outcome, "region changed (filters, counts, statistics)")

        // The exports switched off: their files go.
        try edit("collections.yml") { $0.replacingOccurrences(of: "    export: [csv, json]\n", with: "") }
        outcome = live.update(.init(contentPaths: ["collections.yml"]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: exported.path), "a file no longer made is removed")
        assertSameAsBuild(live, outcome, "exports switched off")
        // The table switched off: back to paginated plain listings.
        try edit("collections.yml") {
            $0.replacingOccurrences(of: "    table: {sort: [title, updated, region], filters: [types, region], text: true}\n", with: "")
                .replacingOccurrences(of: "    pagination: 30\n", with: "    pagination: 2\n")
        }
        outcome = live.update(.init(contentPaths: ["collections.yml"]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "table switched off")
        // Paginated: the statistics on the first page count an item of the second page.
        let second = "partenaires/cooperative-amo-trame.md"  // third by title: on page 2
        try edit(second) { $0.replacingOccurrences(of: "types: [amo]", with: "types: [juriste]") }
        outcome = live.update(.init(contentPaths: [second]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "item of the second page changed (statistics of the first)")
    }
}

extension CollectionTableTests {
    /// The web editor offers a number box, and `castor new` a commented example.
    func testTheEditorAndCastorNewKnowTheNumberType() throws {
        let (content, _) = try Self.partnersSite(self)
        let setup = SiteSetup.load(contentRoot: content.path)
        let config = try XCTUnwrap(setup.config)
        let collections = try XCTUnwrap(setup.collections)
        let editor = DecapConfig.yaml(config: config, collections: collections, backend: .init())
        let staff = try XCTUnwrap(editor.range(of: "name: staff") ?? editor.range(of: "name: \"staff\""), editor)
        let block = editor[staff.lowerBound...].prefix(300)
        XCTAssertTrue(block.contains("widget: number"), String(block))
        XCTAssertTrue(block.contains("value_type: float"), String(block))
        let partners = try XCTUnwrap(CollectionDeclarations.find("partenaires", in: collections))
        let draft = try Scaffold.draft(
            .init(collection: partners, title: "Cabinet Durand", today: LocalDate(iso: "2026-11-23")!), config: config, contentRoot: content.path)
        XCTAssertTrue(draft.text.contains("\n# staff: 0  # facultatif (salariés) : un nombre\n"), draft.text)
    }
}

extension CollectionTableTests {
    /// A project-like collection built in memory: a choice field, a number summed, an item
    /// without a value; the table of counts and the CSV and JSON of the same items.
    func testStatisticsAndExportsOfAChoiceFieldWithAMissingValueAndASum() throws {
        let schema = CollectionSchema(id: "projets", label: "Projets", singular: "Projet", fields: [
            FieldSpec("title", "Nom", .text),
            FieldSpec("stage", "Étape", .choice([.init("etudes", "Études"), .init("travaux", "Travaux"), .init("habite", "Habité")])),
            FieldSpec("homes", "Logements", .number(NumberRule())),
            FieldSpec("shared", "Espaces partagés", .textList),
        ])
        func item(_ slug: String, _ stage: String?, _ homes: Double?) -> Item {
            var fields: [String: FieldValue] = ["title": .text("Projet \(slug), « \"\(slug)\" »"), "shared": .list(["salle", "atelier"])]
            if let stage { fields["stage"] = .text(stage) }
            if let homes { fields["homes"] = .number(homes) }
            return Item(Entry(
                collection: schema, relativePath: "projets/\(slug).md", displayPath: "content/projets/\(slug).md", group: nil, slug: slug,
                isBundle: false, fields: fields, positions: [:], body: "", bodyFirstLine: 1, url: "projets/\(slug)/"))
        }
        let collection = PublishedCollection(schema: schema, items: [item("a", "habite", 12), item("b", "etudes", 8), item("c", "habite", 20.5), item("d", nil, nil)])
        let config = SiteConfig(title: "Réseau", baseURL: "https://exemple.org/reseau/", vocabularies: [:])
        var site = Site(config: config, today: LocalDate(iso: "2026-11-23")!, bodies: [:])
        site.collections = [collection]

        let stats = CollectionStats.tables(collection, spec: CollectionStatsSpec(by: ["stage"], sum: "homes"), site: site) { _, _ in nil }
        let rows = try XCTUnwrap(stats.first?["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.map { "\($0["label"]!):\($0["count"]!):\($0["sum"]!)" }, ["Études:1:8", "Habité:2:32,5", "Non renseigné:1:0"],
            "values in the declared order, only those in use, then the items without one")
        XCTAssertEqual(stats.first?["total"] as? Int, 4)
        XCTAssertEqual(stats.first?["totalSum"] as? String, "40,5")
        let chartList = try XCTUnwrap(stats.first?["charts"] as? [[String: Any]])
        XCTAssertEqual(chartList.compactMap { $0["title"] as? String }, ["Nombre de projets par étape", "Logements par étape (total)"],
            "each chart has a title to show above it: the two charts of a field look alike")
        let charts = chartList.compactMap { $0["svg"] as? String }.joined()
        XCTAssertTrue(charts.contains("<title id=\"stats-stage-nombre\">Nombre de projets par étape — Études : 1 ; Habité : 2 ; Non renseigné : 1</title>"), charts)
        XCTAssertTrue(charts.contains("<title id=\"stats-stage-homes\">Logements par étape (total) — Études : 8 ; Habité : 32,5 ; Non renseigné : 0</title>"), charts)

        let csv = CollectionExports.csv(collection, site: site)
        XCTAssertEqual(csv.components(separatedBy: "\r\n").prefix(3), [
            "\u{FEFF}Nom,Étape,Logements,Espaces partagés,Adresse de la page",
            "\"Projet a, « \"\"a\"\" »\",Habité,12,salle ; atelier,https://exemple.org/reseau/projets/a/",
            "\"Projet b, « \"\"b\"\" »\",Études,8,salle ; atelier,https://exemple.org/reseau/projets/b/",
        ])
        XCTAssertTrue(csv.contains(",Habité,20.5,"), csv)
        XCTAssertTrue(csv.hasSuffix(",,,salle ; atelier,https://exemple.org/reseau/projets/d/\r\n"), csv)
        let json = try JSONSerialization.jsonObject(with: Data(CollectionExports.json(collection, site: site).utf8)) as? [String: Any]
        let items = try XCTUnwrap(json?["items"] as? [[String: Any]])
        XCTAssertEqual(items.count, 4)
        XCTAssertEqual(items[0]["stage"] as? String, "Habité")
        XCTAssertEqual(items[2]["homes"] as? Double, 20.5)
        XCTAssertTrue(items[3]["stage"] is NSNull)
        XCTAssertEqual(items[0]["shared"] as? [String], ["salle", "atelier"])
        XCTAssertEqual(items[0]["url"] as? String, "https://exemple.org/reseau/projets/a/")
    }
}
