import Foundation
import XCTest

@testable import CastorKit

/// `home:` in site.yml: the needs the home page leads to, and the map it shows.
final class HomeSettingsTests: XCTestCase {
    let lists = "fiche_types: {a: A}\nthemes: {a: A}\nregions: {bretagne: Bretagne}\nad_categories: {a: A}\n"

    func load(_ home: String) -> (SiteConfig?, [Diagnostic]) {
        SiteConfig.load(yaml: "title: T\nbase_url: https://e.org/\n" + lists + home, file: "site.yml")
    }

    func testNeedsAndMapAreRead() throws {
        let (config, diagnostics) = load("""
            home:
              needs:
                - label: Trouver un terrain
                  text: Les annonces de terrains.
                  url: annonces/categories/terrain/
                - label: Trouver un professionnel
                  url: partenaires/
              map: projets

            """)
        XCTAssertEqual(diagnostics, [])
        let home = try XCTUnwrap(config?.home)
        XCTAssertEqual(home.needs.map(\.label), ["Trouver un terrain", "Trouver un professionnel"])
        XCTAssertEqual(home.needs.map(\.url), ["annonces/categories/terrain/", "partenaires/"])
        XCTAssertEqual(home.needs.map(\.text), ["Les annonces de terrains.", ""])
        XCTAssertEqual(home.map?.collection, "projets")
    }

    func testEveryMistakeIsAnErrorWithItsPlace() {
        let (config, diagnostics) = load("""
            home:
              besoins: []
              needs:
                - label: Sans adresse
                - label: Adresse complète
                  url: https://ailleurs.example.org/
                - label: Avec un champ en trop
                  url: projets/
                  icon: maison
                - juste un texte
              map: [projets]

            """)
        XCTAssertNil(config, "site.yml with errors gives no configuration")
        let found = diagnostics.map { "\($0.line):\($0.column) \($0.message)" }
        XCTAssertEqual(found, [
            "8:3 champ inconnu « besoins » dans « home »",
            "10:7 un besoin de « home » n'a pas de « url »",
            "12:12 « url » d'un besoin de « home » est une adresse de ce site, sans domaine ni « / » au début : « https://ailleurs.example.org/ »",
            "15:7 champ inconnu « icon » dans un besoin de « home »",
            "16:7 chaque besoin de « home » s'écrit avec « label » et « url »",
            "17:8 « map » de « home » doit être l'identifiant d'une collection",
        ], found.joined(separator: "\n"))
    }

    /// The map must be a collection of collections.yml declared with `map:`.
    func testTheHomeMapNamesACollectionWithAMap() throws {
        let content = try temporaryContent(self)
        let siteYml = content.appendingPathComponent("site.yml")
        let text = try String(contentsOf: siteYml, encoding: .utf8)
        try (text + "\nhome:\n  map: fiches\n").write(to: siteYml, atomically: true, encoding: .utf8)
        let setup = SiteSetup.load(contentRoot: content.path)
        let problem = try XCTUnwrap(setup.diagnostics.first { $0.message.contains("« map » de « home »") })
        XCTAssertEqual(problem.message, "« map » de « home » : la collection « fiches » n'a pas de carte")
        XCTAssertTrue(problem.file.hasSuffix("site.yml"))
        XCTAssertEqual(problem.column, 8)
    }

    /// The home page lists the needs, each a link the build checks like any other.
    func testTheHomePageLeadsToEachNeedAndAMissingPageStopsTheBuild() throws {
        let content = try temporaryContent(self)
        let siteYml = content.appendingPathComponent("site.yml")
        let original = try String(contentsOf: siteYml, encoding: .utf8)
        let home = "\nhome:\n  needs:\n    - label: Créer la structure du groupe\n      text: Comparer et choisir.\n      url: fiches/structures-juridiques/\n"
        try (original + home).write(to: siteYml, atomically: true, encoding: .utf8)
        let output = content.deletingLastPathComponent().appendingPathComponent("site")
        let options = BuildOptions(
            content: content.path, templates: content.deletingLastPathComponent().appendingPathComponent("templates").path,
            output: output.path, today: LocalDate(iso: "2026-11-23")!)
        let report = Builder(options: options).build()
        XCTAssertTrue(report.succeeded, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let page = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("De quoi avez-vous besoin"), page)
        XCTAssertTrue(page.contains("<a href=\"./fiches/structures-juridiques/\">Créer la structure du groupe</a><p class=\"carte-resume\">Comparer et choisir.</p>"), page)

        try (original + home.replacingOccurrences(of: "fiches/structures-juridiques/", with: "fiches/statuts/")).write(to: siteYml, atomically: true, encoding: .utf8)
        let broken = Builder(options: options).build()
        XCTAssertFalse(broken.succeeded)
        XCTAssertTrue(broken.diagnostics.errors.contains { $0.message.contains("« fiches/statuts/ »") }, broken.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("structures-juridiques"), "the site written before is left as it was")
    }
}
