import Foundation
import XCTest

@testable import CastorKit

/// Issue 13, the map: a collection declared with `map:` gets, on its listing page, the map of
/// metropolitan France's regions drawn at build time (Lambert-93), with its counts, links and
/// markers (Fixtures/carte: associations with coordinates).
final class FranceMapTests: XCTestCase {
    static let fixture = EndToEndTests.fixtures.appendingPathComponent("carte")

    /// Adds the associations' declaration, the 14 values of the region list and their items.
    static func addAssociations(to content: URL) throws {
        let collections = content.appendingPathComponent("collections.yml")
        let declaration = try String(contentsOf: fixture.appendingPathComponent("declaration.yml"), encoding: .utf8)
        try (try String(contentsOf: collections, encoding: .utf8) + "\n" + declaration).write(to: collections, atomically: true, encoding: .utf8)
        let siteYml = content.appendingPathComponent("site.yml")
        let site = try String(contentsOf: siteYml, encoding: .utf8)
        let regions = "regions:\n  bretagne: Bretagne\n  national: National\n"
        XCTAssertTrue(site.contains(regions), "the fixture site's region list")
        try site.replacingOccurrences(of: regions, with: try String(contentsOf: fixture.appendingPathComponent("regions.yml"), encoding: .utf8))
            .write(to: siteYml, atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: fixture.appendingPathComponent("content/associations"), to: content.appendingPathComponent("associations"))
    }

    static func repositoryData() throws -> FranceMapData {
        try FranceMapData.decode(Data(contentsOf: EndToEndTests.repository.appendingPathComponent("templates/" + FranceMapData.file)))
    }

    /// The rings of an SVG path made of `M x yL x y…Z`.
    static func rings(_ path: String) -> [[(Double, Double)]] {
        path.split(separator: "M").map { ring in
            ring.replacingOccurrences(of: "Z", with: "").split(separator: "L").compactMap { pair in
                let numbers = pair.split(separator: " ").compactMap { Double($0) }
                return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
            }
        }
    }

    /// Even-odd rule, as SVG fills.
    static func contains(_ path: String, _ point: (Double, Double)) -> Bool {
        var inside = false
        for ring in rings(path) where ring.count > 2 {
            var j = ring.count - 1
            for i in ring.indices {
                let (xi, yi) = ring[i], (xj, yj) = ring[j]
                if (yi > point.1) != (yj > point.1), point.0 < (xj - xi) * (point.1 - yi) / (yj - yi) + xi { inside.toggle() }
                j = i
            }
        }
        return inside
    }

    func testLambert93PlacesKnownPoints() {
        // The projection's origin (3° E, 46.5° N) is by definition (700 000 m, 6 600 000 m).
        let origin = FranceMapData.lambert93(latitude: 46.5, longitude: 3)
        XCTAssertEqual(origin.x, 700_000, accuracy: 0.001)
        XCTAssertEqual(origin.y, 6_600_000, accuracy: 0.001)
        // Paris, Notre-Dame (2.3522 E, 48.8566 N): about 652 km east, 6 862 km north (EPSG:2154).
        let paris = FranceMapData.lambert93(latitude: 48.8566, longitude: 2.3522)
        XCTAssertEqual(paris.x, 652_469, accuracy: 2)
        XCTAssertEqual(paris.y, 6_862_035, accuracy: 2)
        // On the central meridian x stays 700 km; north of the origin, y grows.
        let north = FranceMapData.lambert93(latitude: 49, longitude: 3)
        XCTAssertEqual(north.x, 700_000, accuracy: 0.001)
        XCTAssertGreaterThan(north.y, origin.y + 270_000)
        XCTAssertLessThan(north.y, origin.y + 285_000)
    }

    func testTheDataFileDrawsEveryRegionOfTheSiteList() throws {
        let data = try Self.repositoryData()
        let siteYml = try String(contentsOf: EndToEndTests.repository.appendingPathComponent("content/site.yml"), encoding: .utf8)
        let config = try XCTUnwrap(SiteConfig.load(yaml: siteYml, file: "site.yml").0)
        let slugs = Set(config.vocabulary(CollectionMap.vocabulary).keys)
        XCTAssertEqual(data.regions.count, 13)
        XCTAssertEqual(Set(data.regions.map(\.slug)), slugs.subtracting(["national"]), "one outline per region of site.yml, national apart")
        XCTAssertEqual(Set(data.regions.map(\.code)).count, 13)
        XCTAssertTrue(data.attribution.contains("IGN – Admin Express") && data.attribution.contains("Licence Ouverte"))
        XCTAssertEqual(data.width, 600)
        for region in data.regions {
            XCTAssertGreaterThan(Self.rings(region.path).map(\.count).reduce(0, +), 20, region.slug)
        }
        // Each city falls inside its own region and no other.
        let cities: [(String, Double, Double)] = [
            ("ile-de-france", 48.8566, 2.3522), ("bretagne", 48.11, -1.68), ("occitanie", 43.60, 1.44),
            ("grand-est", 48.58, 7.75), ("corse", 42.15, 9.10), ("hauts-de-france", 50.63, 3.06),
            ("nouvelle-aquitaine", 44.84, -0.58), ("centre-val-de-loire", 47.90, 1.90),
        ]
        for (slug, latitude, longitude) in cities {
            let point = data.point(latitude: latitude, longitude: longitude)
            XCTAssertEqual(data.regions.filter { Self.contains($0.path, point) }.map(\.slug), [slug], "\(latitude), \(longitude)")
        }
    }

    func testTheSVGHasALinkWithANameAndAShadePerRegion() throws {
        let data = try Self.repositoryData()
        let map = FranceMap(data: data, label: "Carte : partenaires par région") { "\($0) " + ($0 > 1 ? "partenaires" : "partenaire") }
        let regions = data.regions.map { FranceMap.Region(slug: $0.slug, name: $0.name, count: $0.slug == "bretagne" ? 4 : $0.slug == "corse" ? 1 : 0, url: "p/region/\($0.slug)/") }
        let svg = map.svg(
            regions: regions, markers: [.init(title: "Trame <AMO>", url: "p/trame/", latitude: 48.11, longitude: -1.68)], root: "../")
        XCTAssertTrue(svg.hasPrefix("<svg class=\"carte-france\" viewBox=\"0 0 600 \(Int(data.height))\" aria-label=\"Carte : partenaires par région\">"), svg)
        XCTAssertEqual(svg.components(separatedBy: "<path ").count - 1, 13)
        XCTAssertEqual(svg.components(separatedBy: "<a href=\"../p/region/").count - 1, 13)
        XCTAssertTrue(svg.contains("<a href=\"../p/region/bretagne/\" aria-label=\"Bretagne : 4 partenaires\" data-region=\"bretagne\"><title>Bretagne : 4 partenaires</title><path class=\"n4\" d=\""), svg)
        XCTAssertTrue(svg.contains("aria-label=\"Corse : 1 partenaire\" data-region=\"corse\"><title>Corse : 1 partenaire</title><path class=\"n1\""), svg)
        XCTAssertTrue(svg.contains("aria-label=\"Occitanie : 0 partenaire\" data-region=\"occitanie\"><title>Occitanie : 0 partenaire</title><path class=\"n0\""), svg)
        XCTAssertTrue(svg.contains("<a href=\"../p/trame/\" aria-label=\"Trame &lt;AMO&gt;\"><title>Trame &lt;AMO&gt;</title><circle cx="), svg)
        XCTAssertFalse(svg.contains("<script"))
        XCTAssertEqual(FranceMap.level(0, max: 8), 0)
        XCTAssertEqual(FranceMap.level(1, max: 8), 1)
        XCTAssertEqual(FranceMap.level(5, max: 8), 3)
        XCTAssertEqual(FranceMap.level(8, max: 8), 4)
        // A region without a listing page is drawn, not linked.
        let unlinked = map.svg(regions: [], markers: [], root: "")
        XCTAssertFalse(unlinked.contains("<a "))
        XCTAssertEqual(unlinked.components(separatedBy: "<g data-region=").count - 1, 13)
    }

    /// The embedded map's script: a JSON literal that cannot end the script, and the box of
    /// each region for the zoom.
    func testTheWidgetCarriesItsDataSafely() throws {
        XCTAssertEqual(FranceMapWidget.box("M1 2L5 2L5 10ZM0 4L2 4L2 5Z"), [0, 2, 5, 8])
        let data = try Self.repositoryData()
        let siteYml = try String(contentsOf: EndToEndTests.fixtures.appendingPathComponent("site/content/site.yml"), encoding: .utf8)
        let config = try XCTUnwrap(SiteConfig.load(yaml: siteYml, file: "site.yml").0)
        let yaml = """
            collections:
              lieux:
                label: Lieux
                singular: Lieu
                listings: [regions]
                map: {field: region, latitude: lat, longitude: lon}
                fields:
                  title: {type: text, label: Nom, required: true}
                  region: {type: term, label: Région, vocabulary: regions}
                  lat: {type: text, label: Latitude}
                  lon: {type: text, label: Longitude}

            """
        let schema = try XCTUnwrap(CollectionDeclarations.load(yaml: yaml, file: "collections.yml", vocabularies: ["regions"]).0?.first { $0.id == "lieux" })
        let entry = Entry(
            collection: schema, relativePath: "lieux/a.md", displayPath: "content/lieux/a.md", group: nil, slug: "a", isBundle: false,
            fields: ["title": .text("</script><script>alert(1)</script>"), "region": .text("bretagne"), "lat": .text("48.11"), "lon": .text("-1.68")],
            positions: [:], body: "", bodyFirstLine: 1, url: "lieux/a/")
        var site = Site(config: config, today: LocalDate(iso: "2026-11-23")!, bodies: [:])
        site.collections = [PublishedCollection(schema: schema, items: [Item(entry)])]
        site.franceMap = data
        let files = FranceMapWidget.files(site)
        XCTAssertEqual(files.map(\.file), ["lieux/carte.js"])
        let script = try XCTUnwrap(files.first?.text)
        XCTAssertFalse(script.contains("<script>alert"), "a title cannot end the script")
        XCTAssertTrue(script.contains("\"title\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"), script)
        XCTAssertTrue(script.contains("\"text\":\"Bretagne : 1 lieu\""), script)
        XCTAssertTrue(script.contains("\"url\":\"https://ressources.example.org/lieux/region/bretagne/\""), script)
        XCTAssertTrue(script.contains("\"url\":\"https://ressources.example.org/lieux/a/\""), script)
        // Regions not in the site's list are drawn but not linked.
        XCTAssertTrue(script.contains("\"name\":\"Corse\",\"path\""), script)
        site.franceMap = nil
        XCTAssertEqual(FranceMapWidget.files(site).count, 0)
    }

    /// Each mistake in `map:` is reported with its place, all at once.
    func testMapDeclarationMistakesAreReportedWithTheirPlace() {
        let yaml = """
            collections:
              a:
                label: A
                singular: A
                listings: [regions]
                map: {field: ville, latitude: updated, longitud: x}
                fields:
                  title: {type: text, label: Nom, required: true}
                  region: {type: term, label: Région, vocabulary: regions}
                  ville: {type: text, label: Ville}
                  updated: {type: date, label: Mise à jour}
              b:
                label: B
                singular: B
                map: {field: region, latitude: lat}
                fields:
                  title: {type: text, label: Nom, required: true}
                  region: {type: term, label: Région, vocabulary: regions}
                  lat: {type: text, label: Latitude}
              c:
                label: C
                singular: C
                map: oui
                fields:
                  title: {type: text, label: Nom, required: true}
              d:
                label: D
                singular: D
                listings: [regions]
                map: {field: regoin}
                fields:
                  title: {type: text, label: Nom, required: true}
                  region: {type: terms, label: Régions, vocabulary: regions}
              e:
                label: E
                singular: E
                map: {latitude: lat, longitude: lon}
                fields:
                  title: {type: text, label: Nom, required: true}
                  lat: {type: text, label: Latitude}
                  lon: {type: text, label: Longitude}

            """
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "collections.yml", vocabularies: ["regions"])
        XCTAssertNil(collections)
        let lines = diagnostics.map { "\($0.line):\($0.column) \($0.message)" }
        let expected = [
            "6:44 clé inconnue « longitud » dans « map » de la collection « a » : vouliez-vous écrire « longitude » ?",
            "6:18 « map » : le champ « ville » doit être de type term ou terms sur la liste « regions » (il attend un texte)",
            "6:35 « map » : le champ « updated » ne peut pas contenir une latitude (il attend une date AAAA-MM-JJ)",
            "6:5 « map » de la collection « a » : « latitude » et « longitude » vont ensemble",
            "15:18 « map » : les régions de la carte renvoient aux pages par région, mais « regions » n'est pas dans « listings » de « b »",
            "15:5 « map » de la collection « b » : « latitude » et « longitude » vont ensemble",
            "23:10 « map » de la collection « c » s'écrit avec des clés",
            "30:18 « map » : « regoin » n'est pas un champ de « d » : vouliez-vous écrire « region » ?",
            "37:5 « map » de la collection « e » : « field » manquant",
        ]
        for line in expected { XCTAssertTrue(lines.contains(line), "missing: \(line)\nin:\n" + lines.joined(separator: "\n")) }
        XCTAssertEqual(lines.count, expected.count, lines.joined(separator: "\n"))
        XCTAssertTrue(diagnostics.allSatisfy { $0.hint?.isEmpty == false }, "every problem has a hint")

        // A right declaration: terms or term, coordinates optional.
        let right = """
            collections:
              a:
                label: A
                singular: A
                listings: [regions]
                map: {field: region, latitude: lat, longitude: lon}
                fields:
                  title: {type: text, label: Nom, required: true}
                  region: {type: terms, label: Régions, vocabulary: regions}
                  lat: {type: text, label: Latitude}
                  lon: {type: text, label: Longitude}

            """
        let (declared, none) = CollectionDeclarations.load(yaml: right, file: "collections.yml", vocabularies: ["regions"])
        XCTAssertEqual(none.map(\.message), [])
        let map = declared?.first { $0.id == "a" }?.publishing.map
        XCTAssertEqual(map?.field, "region")
        XCTAssertEqual(map?.latitude, "lat")
        XCTAssertEqual(map?.longitude, "lon")
        XCTAssertEqual(map?.position, SourcePosition(line: 6, column: 5))
    }
}

/// Building with the real CLI.
extension EndToEndTests {
    /// The listing of each collection with `map:` shows the map: a link per region to the page
    /// that exists, the count in its name, the markers inside their region, the table beside.
    func testTheCLIDrawsTheMapOnTheListingsOfCollectionsWithAMap() throws {
        let folder = try workspace()
        let content = folder.appendingPathComponent("content")
        try DeclaredCollectionTests.addPartners(to: content)
        try FranceMapTests.addAssociations(to: content)
        let result = try run(buildArguments, in: folder)
        // The build checks every link of the pages it makes (the map's included).
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("associations"), result.stderr)
        let site = folder.appendingPathComponent("site")
        func page(_ path: String) throws -> String { try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) }
        // French typography puts a no-break space before « : » in texts.
        func plain(_ text: String) -> String { text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ") }
        let listing = plain(try page("associations/index.html"))
        let svg = try XCTUnwrap(listing.range(of: "<svg class=\"carte-france\"").flatMap { start in
            listing.range(of: "</svg>", range: start.lowerBound..<listing.endIndex).map { String(listing[start.lowerBound..<$0.upperBound]) }
        }, listing)
        let data = try FranceMapTests.repositoryData()
        let links = try NSRegularExpression(pattern: "<a href=\"([^\"]+)\" aria-label=\"([^\"]+)\"( data-region=\"([^\"]+)\")?><title>([^<]+)</title>")
        let matches = links.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
            (1...5).map { match.range(at: $0).location == NSNotFound ? "" : String(svg[Range(match.range(at: $0), in: svg)!]) }
        }
        let regionLinks = matches.filter { !$0[3].isEmpty }
        XCTAssertEqual(regionLinks.count, 13, svg)
        for link in regionLinks {
            XCTAssertEqual(link[0], "../associations/region/\(link[3])/")
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("associations/region/\(link[3])/index.html").path), link[0])
            XCTAssertEqual(link[1], plain(link[4]), "the link's name is its title (with a no-break space before « : »)")
        }
        let names = Dictionary(regionLinks.map { ($0[3], $0[1]) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(names["bretagne"], "Bretagne : 2 associations")
        XCTAssertEqual(names["corse"], "Corse : 1 association")
        XCTAssertEqual(names["occitanie"], "Occitanie : 0 association")
        XCTAssertNil(names["national"], "national has no outline")

        // Markers: one per item with coordinates, each linking to its page, inside its region.
        let markers = try NSRegularExpression(pattern: "<a href=\"\\.\\./associations/([a-z-]+)/\" aria-label=\"[^\"]+\"><title>[^<]+</title><circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\"")
        let points = markers.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
            (1...3).map { String(svg[Range(match.range(at: $0), in: svg)!]) }
        }
        XCTAssertEqual(Set(points.map { $0[0] }), ["habitat-participatif-rennes", "cohabiter-quimper", "habiter-lyon", "coop-paris", "habitat-aix", "ensemble-corte", "vivre-nancy"])
        for point in points {
            let item = try String(contentsOf: FranceMapTests.fixture.appendingPathComponent("content/associations/\(point[0]).md"), encoding: .utf8)
            let region = try XCTUnwrap(item.split(separator: "\n").first { $0.hasPrefix("region: ") }).dropFirst("region: ".count)
            let outline = try XCTUnwrap(data.regions.first { $0.slug == region })
            XCTAssertTrue(FranceMapTests.contains(outline.path, (Double(point[1])!, Double(point[2])!)), "\(point[0]) inside \(region)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("associations/\(point[0])/index.html").path))
        }

        // The text alternative beside it, the attribution, no script, no outside address.
        XCTAssertTrue(listing.contains("<h2 id=\"carte-regions-titre\">Associations par région</h2>"), listing)
        XCTAssertTrue(listing.contains("<tr><th scope=\"row\"><a href=\"../associations/region/bretagne/\">Bretagne</a></th><td>2</td></tr>"), listing)
        XCTAssertTrue(listing.contains("<tr><th scope=\"row\"><a href=\"../associations/region/national/\">National</a></th><td>1</td></tr>"), listing)
        XCTAssertTrue(listing.contains("Contours : IGN – Admin Express COG 2018, Licence Ouverte (Etalab)"), listing)
        XCTAssertFalse(svg.contains("http"), "no outside address in the map")
        XCTAssertFalse(svg.contains("<script"))
        // The map is on the listing only: not on its per-value pages.
        XCTAssertFalse(try page("associations/region/bretagne/index.html").contains("carte-france"))

        // The partners (map without coordinates): regions only, no marker.
        let partners = try page("partenaires/index.html")
        XCTAssertTrue(partners.contains("aria-label=\"Bretagne : 2 partenaires\""), partners)
        XCTAssertFalse(partners.contains("<circle"), partners)
        // A collection without `map:` has none.
        XCTAssertFalse(try page("fiches/index.html").contains("carte-france"))

        // The map to embed elsewhere: one script with its data inside, absolute links, the
        // line to copy on the listing page.
        let widget = try page("associations/carte.js")
        XCTAssertTrue(widget.contains("\"text\":\"Bretagne : 2 associations\""), widget)
        XCTAssertTrue(widget.contains("\"url\":\"https://ressources.example.org/associations/region/bretagne/\""), widget)
        XCTAssertTrue(widget.contains("\"title\":\"Habitat participatif Rennes\""), widget)
        XCTAssertFalse(widget.contains("innerHTML") || widget.contains("fetch(") || widget.contains("XMLHttpRequest"))
        XCTAssertTrue(listing.contains("associations/carte.js&quot; data-region=&quot;bretagne&quot; async&gt;&lt;/script&gt;"), listing)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("partenaires/carte.js").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("fiches/carte.js").path))
    }

    /// Coordinates outside metropolitan France, too precise (a home address), not numbers, or
    /// one without the other: errors with their place, all at once; nothing is written.
    func testMapCoordinateMistakesAreErrorsWithTheirPlace() throws {
        let folder = try workspace()
        let content = folder.appendingPathComponent("content")
        try FranceMapTests.addAssociations(to: content)
        func edit(_ name: String, _ from: String, _ to: String) throws {
            let url = content.appendingPathComponent("associations/\(name).md")
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains(from), name)
            try text.replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
        }
        try edit("habitat-participatif-rennes", "latitude: 48.11\nlongitude: -1.68", "latitude: -1.68\nlongitude: 48.11")
        try edit("habiter-lyon", "latitude: 45.76", "latitude: 45.7640")
        try edit("coop-paris", "longitude: 2.35", "longitude: deux")
        try edit("vivre-nancy", "longitude: 6.18\n", "")
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 1)
        for expected in [
            "content/associations/habitat-participatif-rennes.md:6:11: erreur : « latitude » : -1.68 est hors de la France métropolitaine",
            "content/associations/habitat-participatif-rennes.md:7:12: erreur : « longitude » : 48.11 est hors de la France métropolitaine",
            "content/associations/habiter-lyon.md:6:11: erreur : « latitude » : 45.764 est trop précis, il montrerait une adresse",
            "arrondissez à deux chiffres après le point (environ 1 km) : latitude: 45.76",
            "content/associations/coop-paris.md:7:12: erreur : « longitude » doit être un nombre (longitude en degrés décimaux)",
            "content/associations/vivre-nancy.md:6:11: erreur : « latitude » sans « longitude » : le point ne peut pas être placé sur la carte",
        ] {
            XCTAssertTrue(result.stderr.contains(expected), "missing: \(expected)\n\(result.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path), "nothing written")
    }

    /// The outlines are read from templates/data: without them, an error at `map:`.
    func testAMissingMapDataFileIsAnErrorAtTheDeclaration() throws {
        let folder = try workspace()
        try FranceMapTests.addAssociations(to: folder.appendingPathComponent("content"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("templates/" + FranceMapData.file))
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 1)
        let collections = try String(contentsOf: folder.appendingPathComponent("content/collections.yml"), encoding: .utf8)
        let line = try XCTUnwrap(collections.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("    map: {field: region, latitude") }) + 1
        XCTAssertTrue(
            result.stderr.contains("content/collections.yml:\(line):5: erreur : la carte de « associations » : le fichier des contours templates/data/france-regions.json est introuvable"),
            result.stderr)
        XCTAssertTrue(result.stderr.contains("scripts/derive-france-map.py"), result.stderr)
        // Unreadable: the same place, another reason.
        try "{".write(to: folder.appendingPathComponent("templates/" + FranceMapData.file), atomically: true, encoding: .utf8)
        let broken = try run(buildArguments, in: folder)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("content/collections.yml:\(line):5: erreur : la carte de « associations » : le fichier des contours templates/data/france-regions.json est illisible"), broken.stderr)
    }
}

/// `castor serve` writes the map as `castor build` does, after every kind of edit.
extension LiveSiteTests {
    func testMapEditsLeaveTheSiteCastorBuildWouldWrite() throws {
        try DeclaredCollectionTests.addPartners(to: content)
        try FranceMapTests.addAssociations(to: content)
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let listing = folder.appendingPathComponent("live/associations/index.html")
        XCTAssertTrue(try String(contentsOf: listing, encoding: .utf8).contains("aria-label=\"Bretagne : 2 associations\""))
        assertSameAsBuild(live, outcome, "first build with the map")

        let rennes = "associations/habitat-participatif-rennes.md"
        try edit(rennes) { $0.replacingOccurrences(of: "latitude: 48.11", with: "latitude: 48.2") }
        outcome = live.update(.init(contentPaths: [rennes]))
        XCTAssertTrue(outcome.published, "marker moved: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "marker moved")
        try edit(rennes) { $0.replacingOccurrences(of: "region: bretagne", with: "region: normandie").replacingOccurrences(of: "latitude: 48.2\nlongitude: -1.68", with: "latitude: 49.18\nlongitude: -0.37") }
        outcome = live.update(.init(contentPaths: [rennes]))
        XCTAssertTrue(outcome.published, "region changed: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(try String(contentsOf: listing, encoding: .utf8).contains("aria-label=\"Normandie : 1 association\""))
        assertSameAsBuild(live, outcome, "region changed")
        try edit(rennes) { $0.replacingOccurrences(of: "latitude: 49.18", with: "latitude: 49.1812") }
        outcome = live.update(.init(contentPaths: [rennes]))
        XCTAssertFalse(outcome.published, "too precise: an error")
        assertSameAsBuild(live, outcome, "too precise")
        try edit(rennes) { $0.replacingOccurrences(of: "latitude: 49.1812", with: "latitude: 49.18") }
        outcome = live.update(.init(contentPaths: [rennes]))
        XCTAssertTrue(outcome.published, "fixed: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "fixed")
        try remove("associations/ensemble-corte.md")
        outcome = live.update(.init(contentPaths: ["associations/ensemble-corte.md"]))
        XCTAssertTrue(outcome.published)
        XCTAssertTrue(try String(contentsOf: listing, encoding: .utf8).contains("aria-label=\"Corse : 0 association\""))
        assertSameAsBuild(live, outcome, "item removed")
        try edit("collections.yml") { $0.replacingOccurrences(of: "map: {field: region, latitude: latitude, longitude: longitude}", with: "map: {field: region}") }
        outcome = live.update(.init(contentPaths: ["collections.yml"]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertFalse(try String(contentsOf: listing, encoding: .utf8).contains("<circle"), "no markers without coordinates")
        assertSameAsBuild(live, outcome, "map without coordinates")

        // The outlines' file is read again when the templates change; without it, the error.
        let dataFile = folder.appendingPathComponent("templates/" + FranceMapData.file)
        try String(contentsOf: dataFile, encoding: .utf8).replacingOccurrences(of: "Licence Ouverte (Etalab)", with: "Licence Ouverte d'Etalab")
            .write(to: dataFile, atomically: true, encoding: .utf8)
        outcome = live.update(.init(templatesChanged: true))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(try String(contentsOf: listing, encoding: .utf8).contains("Licence Ouverte d&#39;Etalab</figcaption>"))
        assertSameAsBuild(live, outcome, "outlines' file edited")
        try FileManager.default.removeItem(at: dataFile)
        outcome = live.update(.init(templatesChanged: true))
        XCTAssertFalse(outcome.published)
        XCTAssertTrue(outcome.diagnostics.sorted.contains { $0.message.contains("france-regions.json est introuvable") })
        assertSameAsBuild(live, outcome, "outlines' file removed")
    }
}
