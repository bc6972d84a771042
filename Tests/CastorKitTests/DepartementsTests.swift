import Foundation
import XCTest

@testable import CastorKit

/// Issue 13, the départements: templates/data/france-departements.json (which région each
/// département is in, and its outline), the rule `{field: departement, within: region}` and
/// the région pages drawn by département; statistics by a reference field.
final class DepartementsTests: XCTestCase {
    static func repositoryData() throws -> FranceDepartements {
        try FranceDepartements.decode(Data(contentsOf: EndToEndTests.repository.appendingPathComponent("templates/" + FranceDepartements.file)))
    }

    /// A point inside a ring: the middle of the widest inside stretch of the horizontal line
    /// through the ring's vertical middle (what scripts/derive-france-map.py does).
    static func interiorPoint(_ ring: [(Double, Double)]) -> (Double, Double) {
        let ys = ring.map(\.1)
        let y = (ys.min()! + ys.max()!) / 2 + 1e-6
        var crossings: [Double] = []
        for (index, (x1, y1)) in ring.enumerated() {
            let (x2, y2) = ring[(index + 1) % ring.count]
            if (y1 > y) != (y2 > y) { crossings.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1)) }
        }
        crossings.sort()
        var best = (0.0, 0.0)
        for pair in stride(from: 0, to: crossings.count - 1, by: 2) where crossings[pair + 1] - crossings[pair] > best.1 - best.0 {
            best = (crossings[pair], crossings[pair + 1])
        }
        return ((best.0 + best.1) / 2, y)
    }

    /// Every département of the site's list is in the data; each one drawn lies inside the
    /// outline of its région on the map of France; each région of the map has départements.
    func testEachDepartementLiesInsideTheOutlineOfItsRegion() throws {
        let departements = try DepartementsTests.repositoryData()
        let regions = try FranceMapTests.repositoryData()
        let setup = SiteSetup.load(contentRoot: EndToEndTests.repository.appendingPathComponent("content").path)
        let config = try XCTUnwrap(setup.config)
        let codes = Array(config.vocabulary("departements").keys)
        XCTAssertGreaterThanOrEqual(codes.count, 100)
        for code in codes { XCTAssertNotNil(departements.departement(code), "\(code) is in the data") }
        XCTAssertEqual(departements.departement("2A")?.name, "Corse-du-Sud", "codes are found whatever their case")
        let drawn = departements.departements.filter { !$0.path.isEmpty }
        XCTAssertEqual(drawn.count, 96, "the metropolitan départements have an outline")
        let outlines = Dictionary(uniqueKeysWithValues: regions.regions.map { ($0.slug, $0.path) })
        for departement in drawn {
            let outline = try XCTUnwrap(outlines[departement.region], "\(departement.code): région \(departement.region)")
            let largest = FranceRegionMap.rings(departement.path).max { $0.count < $1.count }!
            let point = DepartementsTests.interiorPoint(largest)
            XCTAssertTrue(FranceMapTests.contains(departement.path, point), "\(departement.code): the point is inside itself")
            XCTAssertTrue(FranceMapTests.contains(outline, point), "\(departement.name) inside \(departement.region)")
            XCTAssertEqual(config.vocabulary("regions")[departement.region], departement.regionName, departement.code)
        }
        for region in regions.regions {
            XCTAssertFalse(departements.outlines(of: region.slug).isEmpty, "\(region.slug) has départements")
        }
        // The overseas départements: a région of their own, no outline.
        XCTAssertEqual(departements.departement("971")?.region, "guadeloupe")
        XCTAssertEqual(departements.departement("971")?.path, "")
    }

    /// Mistakes in a `within` rule: each reported at its place, with the fields' types.
    func testWithinRuleMistakesAreReportedWithTheirPlace() {
        let yaml = """
            collections:
              lieux:
                label: Lieux
                singular: Lieu
                fields:
                  title: {type: text, label: Nom, required: true}
                  departement: {type: term, label: Département, vocabulary: departements}
                  region: {type: term, label: Région, vocabulary: regions}
                  theme: {type: term, label: Thème, vocabulary: themes}
                  city: {type: text, label: Ville}
                rules:
                  - {field: departement, within: region}
                  - {field: city, within: region}
                  - {field: departement, within: theme}
                  - {field: departement, within: regoin}
                  - {within: region}
                  - {field: departement, within: region, extra: 1}

            """
        let (collections, diagnostics) = CollectionDeclarations.load(
            yaml: yaml, file: "collections.yml", vocabularies: ["regions", "departements", "themes"])
        XCTAssertNil(collections)
        let shown = diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
        for expected in [
            "13:17: la règle « within » : « city » est de type text ; il faut un champ term ou terms dont les valeurs sont des numéros de département",
            "14:38: la règle « within » : « theme » doit être un champ term ou terms sur la liste « regions »",
            "15:38: la règle nomme « regoin », qui n'est pas un champ de « lieux » : vouliez-vous écrire « region » ?",
            "16:9: la règle n'a pas de « field »",
        ] {
            XCTAssertTrue(shown.contains(expected), "missing « \(expected) » in \(shown)")
        }
        XCTAssertTrue(shown.contains { $0.hasPrefix("17:") && $0.contains("extra") }, "\(shown)")
        XCTAssertEqual(diagnostics.filter { $0.line == 12 }, [], "the first rule is right")
        // The right one alone is read.
        let right = yaml.components(separatedBy: "\n").prefix(12).joined(separator: "\n") + "\n"
        let (read, problems) = CollectionDeclarations.load(yaml: right, file: "collections.yml", vocabularies: ["regions", "departements", "themes"])
        XCTAssertEqual(problems.map(\.message), [])
        XCTAssertEqual(read?.first?.rules, [.within(field: "departement", container: "region", position: SourcePosition(line: 12, column: 9))])
    }
}

/// The repository's content, built by the real CLI: the région pages of the projects are drawn
/// by département, the statistics count by legal form, a mismatched département is an error.
extension EndToEndTests {
    func testTheRegionPagesOfTheProjectsAreDrawnByDepartement() throws {
        let folder = try repositoryWorkspace()
        let result = try run(["build", "--content", "content", "--templates", "templates", "--output", "site", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let projects = try frontMatters(folder.appendingPathComponent("content/projets"))
        let data = try DepartementsTests.repositoryData()
        let site = folder.appendingPathComponent("site")
        var regionsWithMarkers = 0
        for region in Set(projects.values.compactMap { $0["region"]?.text }) where !data.outlines(of: region).isEmpty {
            let page = try String(contentsOf: site.appendingPathComponent("projets/region/\(region)/index.html"), encoding: .utf8)
            let svg = String(page[try XCTUnwrap(page.range(of: "<svg class=\"carte-france carte-region\""))!.lowerBound...])
            let shapes = svg.components(separatedBy: "<g data-departement=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            XCTAssertEqual(shapes, data.outlines(of: region).map(\.code), region)
            // Each project of the région: a marker inside the outline of its département.
            let mine = projects.filter { $0.value["region"]?.text == region }
            for (slug, project) in mine {
                let code = try XCTUnwrap(project["departement"]?.text)
                let name = try XCTUnwrap(data.departement(code)).name
                let count = mine.values.filter { $0["departement"]?.text == code }.count
                let title = "<title>\(name) (\(code.uppercased()))\u{00A0}: \(count) projet" + (count > 1 ? "s" : "") + "</title>"
                XCTAssertTrue(svg.contains(title), "\(slug): \(title)")
                guard let marker = svg.range(of: "projets/\(slug)/\" aria-label=") else { continue }
                let tail = svg[marker.upperBound...]
                let circle = tail[try XCTUnwrap(tail.range(of: "<circle"), slug).lowerBound...].prefix { $0 != "/" }
                func number(_ attribute: String) -> Double? {
                    guard let start = circle.range(of: attribute + "=\"") else { return nil }
                    return Double(circle[start.upperBound...].prefix { $0 != "\"" })
                }
                let point = (try XCTUnwrap(number("cx")), try XCTUnwrap(number("cy")))
                let outline = try XCTUnwrap(data.departement(code)).path
                XCTAssertTrue(FranceMapTests.contains(outline, point), "\(slug) inside \(name)")
                regionsWithMarkers += 1
            }
        }
        XCTAssertGreaterThanOrEqual(regionsWithMarkers, 12, "markers checked")
        // No département page: the shapes are not links; the national value has no map.
        let national = try String(contentsOf: site.appendingPathComponent("projets/region/national/index.html"), encoding: .utf8)
        XCTAssertFalse(national.contains("carte-region"))

        // Statistics by legal form: the fiches' titles, linked, with the projects' counts.
        let listing = try String(contentsOf: site.appendingPathComponent("projets/index.html"), encoding: .utf8)
        let table = String(listing[try XCTUnwrap(listing.range(of: "<caption>Projets par structure juridique</caption>")).upperBound...]
            .prefix { $0 != "§" }.components(separatedBy: "</table>")[0])
        var counted: [String: Int] = [:]
        for project in projects.values { if let form = project["legal_form"]?.text { counted[form, default: 0] += 1 } }
        XCTAssertFalse(counted.isEmpty)
        for (form, count) in counted {
            let row = try XCTUnwrap(table.components(separatedBy: "<tr>").first { $0.contains("structures-juridiques/\(form)/\"") }, form)
            XCTAssertTrue(row.contains("<td class=\"nombre\">\(count)</td>"), "\(form): \(row)")
        }
    }

    func testADepartementOutsideItsRegionIsAnErrorAndTheSiteIsUntouched() throws {
        let folder = try repositoryWorkspace()
        let arguments = ["build", "--content", "content", "--templates", "templates", "--output", "site", "--now", "2026-12-01"]
        XCTAssertEqual(try run(arguments, in: folder).status, 0)
        let before = Self.files(under: folder.appendingPathComponent("site"))
        let project = folder.appendingPathComponent("content/projets/les-tilleuls-villeurbanne.md")
        let text = try String(contentsOf: project, encoding: .utf8)
        XCTAssertTrue(text.contains("\ndepartement: \"69\"\n"), text)
        try text.replacingOccurrences(of: "\ndepartement: \"69\"\n", with: "\ndepartement: \"35\"\n").write(to: project, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("departement:") }! + 1
        let result = try run(arguments, in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(
            "content/projets/les-tilleuls-villeurbanne.md:\(line):14: erreur : « departement » : Ille-et-Vilaine (35) est dans la région Bretagne, pas dans « Auvergne-Rhône-Alpes » (champ « region »)\n  conseil : corrigez « region » (bretagne) ou « departement »"),
            result.stderr)
        XCTAssertEqual(Self.files(under: folder.appendingPathComponent("site")), before, "the site is untouched")
        // Without the départements' file, the rule cannot be checked: an error at the rule.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("templates/" + FranceDepartements.file))
        let missing = try run(["check", "--content", "content", "--templates", "templates", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("erreur : la règle « within » de « projets » : le fichier des départements templates/data/france-departements.json est introuvable"), missing.stderr)
    }
}

/// `castor serve`: a project moved (coordinates, région, département) shows on the served
/// maps as `castor build` draws them; a département outside its région is the same error.
extension LiveSiteTests {
    func testEditsOfAPlacedItemMoveItOnTheServedMapsAsABuildWould() throws {
        try FranceMapTests.addAssociations(to: content)
        try edit("collections.yml") {
            $0.replacingOccurrences(of: "      longitude: {type: text, label: Longitude}\n", with: """
                      longitude: {type: text, label: Longitude}
                      departement: {type: term, label: Département, vocabulary: departements}
                    rules:
                      - {field: departement, within: region}

                """)
        }
        try edit("site.yml") { $0 + "\ndepartements:\n  \"14\": Calvados (14)\n  \"29\": Finistère (29)\n  \"35\": Ille-et-Vilaine (35)\n  \"69\": Rhône (69)\n" }
        let rennes = "associations/habitat-participatif-rennes.md"
        try edit(rennes) { $0.replacingOccurrences(of: "city: Rennes\n", with: "city: Rennes\ndepartement: \"35\"\n") }
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let bretagne = folder.appendingPathComponent("live/associations/region/bretagne/index.html")
        let normandie = folder.appendingPathComponent("live/associations/region/normandie/index.html")
        func page(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
        let first = try page(bretagne)
        XCTAssertTrue(first.contains("<g data-departement=\"35\"><title>Ille-et-Vilaine (35)\u{00A0}: 1 association</title>"), first)
        XCTAssertTrue(try page(bretagne).contains("habitat-participatif-rennes/\" aria-label=\"Habitat participatif Rennes\""))
        assertSameAsBuild(live, outcome, "first build, by département")

        try edit(rennes) { $0.replacingOccurrences(of: "latitude: 48.11", with: "latitude: 48.3") }
        let before = try page(bretagne)
        outcome = live.update(.init(contentPaths: [rennes]))
        XCTAssertTrue(outcome.published)
        XCTAssertNotEqual(try page(bretagne), before, "the marker moved on the région page")
        assertSameAsBuild(live, outcome, "marker moved")

        // To Caen: another région, another département; the région pages follow.
        try edit(rennes) {
            $0.replacingOccurrences(of: "region: bretagne", with: "region: normandie").replacingOccurrences(of: "departement: \"35\"", with: "departement: \"14\"")
                .replacingOccurrences(of: "latitude: 48.3\nlongitude: -1.68", with: "latitude: 49.18\nlongitude: -0.37")
        }
        outcome = live.update(.init(contentPaths: [rennes]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertFalse(try page(bretagne).contains("Habitat participatif Rennes"))
        let caen = try page(normandie)
        XCTAssertTrue(caen.contains("<g data-departement=\"14\"><title>Calvados (14)\u{00A0}: 1 association</title>"), caen)
        assertSameAsBuild(live, outcome, "moved to Normandie")

        // A département outside the région: the error of castor check; fixed, published again.
        try edit(rennes) { $0.replacingOccurrences(of: "departement: \"14\"", with: "departement: \"69\"") }
        outcome = live.update(.init(contentPaths: [rennes]))
        XCTAssertFalse(outcome.published)
        XCTAssertTrue(outcome.diagnostics.sorted.contains { $0.message.contains("Rhône (69) est dans la région Auvergne-Rhône-Alpes") })
        assertSameAsBuild(live, outcome, "département outside its région")
        try edit(rennes) { $0.replacingOccurrences(of: "departement: \"69\"", with: "departement: \"14\"") }
        outcome = live.update(.init(contentPaths: [rennes]))
        XCTAssertTrue(outcome.published)
        assertSameAsBuild(live, outcome, "fixed")

        // The départements' file changes under templates/: every item is checked again.
        let dataFile = folder.appendingPathComponent("templates/" + FranceDepartements.file)
        let original = try String(contentsOf: dataFile, encoding: .utf8)
        try original.replacingOccurrences(of: "\"region\": \"normandie\"", with: "\"region\": \"bretagne\"").write(to: dataFile, atomically: true, encoding: .utf8)
        outcome = live.update(.init(templatesChanged: true))
        XCTAssertFalse(outcome.published, "Calvados is now said to be in Bretagne")
        assertSameAsBuild(live, outcome, "départements' file edited")
        try original.write(to: dataFile, atomically: true, encoding: .utf8)
        outcome = live.update(.init(templatesChanged: true))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "départements' file restored")
    }
}

/// The preview of the repository's own content: a project edited under `castor serve` moves on
/// the projects' map and on its région pages, as a build draws them.
extension LiveSiteTests {
    func testTheServedMapShowsAnEditedProjectAsABuildWould() throws {
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: EndToEndTests.repository.appendingPathComponent("content"), to: content)
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        func page(_ path: String) throws -> String { try String(contentsOf: folder.appendingPathComponent("live/" + path), encoding: .utf8) }
        func marker(_ html: String) -> String? {
            guard let link = html.range(of: "les-tilleuls-villeurbanne/\" aria-label=\"Coopérative Les Tilleuls\"") else { return nil }
            let tail = html[link.upperBound...]
            return tail.range(of: "<circle").map { String(tail[$0.lowerBound...].prefix { $0 != "/" }) }
        }
        let project = "projets/les-tilleuls-villeurbanne.md"
        let lyon = try XCTUnwrap(marker(try page("projets/index.html")))
        XCTAssertTrue(try page("projets/region/auvergne-rhone-alpes/index.html").contains("<title>Rhône (69)\u{00A0}: 1 projet</title>"))
        assertSameAsBuild(live, outcome, "repository content")

        // To Grenoble: the same région, another département.
        try edit(project) {
            $0.replacingOccurrences(of: "departement: \"69\"", with: "departement: \"38\"")
                .replacingOccurrences(of: "latitude: 45.77", with: "latitude: 45.19").replacingOccurrences(of: "longitude: 4.88", with: "longitude: 5.72")
        }
        outcome = live.update(.init(contentPaths: [project]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let grenoble = try XCTUnwrap(marker(try page("projets/index.html")))
        XCTAssertNotEqual(grenoble, lyon, "the marker moved on the map of France")
        let region = try page("projets/region/auvergne-rhone-alpes/index.html")
        XCTAssertTrue(region.contains("<title>Isère (38)\u{00A0}: 1 projet</title>") && region.contains("<title>Rhône (69)\u{00A0}: 0 projet</title>"), region)
        assertSameAsBuild(live, outcome, "moved to Grenoble")

        // To Rennes: another région; the region's count and both région pages follow.
        let before = try page("projets/index.html")
        XCTAssertTrue(before.contains("aria-label=\"Bretagne : 2 projets\""), before)
        try edit(project) {
            $0.replacingOccurrences(of: "departement: \"38\"", with: "departement: \"35\"").replacingOccurrences(of: "region: auvergne-rhone-alpes", with: "region: bretagne")
                .replacingOccurrences(of: "latitude: 45.19", with: "latitude: 48.11").replacingOccurrences(of: "longitude: 5.72", with: "longitude: -1.68")
        }
        outcome = live.update(.init(contentPaths: [project]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(try page("projets/index.html").contains("aria-label=\"Bretagne : 3 projets\""))
        XCTAssertNotNil(marker(try page("projets/region/bretagne/index.html")))
        XCTAssertNil(marker(try page("projets/region/auvergne-rhone-alpes/index.html")))
        assertSameAsBuild(live, outcome, "moved to Rennes")
    }
}
