import Foundation
import XCTest

@testable import CastorKit

/// The project's own content (issue 13): the projects' database and the partners' directory,
/// declared in content/collections.yml only, checked and built by the real CLI.
extension EndToEndTests {
    /// A copy of the repository's content and templates.
    func repositoryWorkspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-content-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates"))
        return folder
    }

    /// The front matter of each Markdown file of a content folder, as Castor reads it.
    func frontMatters(_ folder: URL) throws -> [String: YAMLTree] {
        var result: [String: YAMLTree] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let parts = text.components(separatedBy: "\n---\n")
            result[String(name.dropLast(3))] = try YAMLReader.read(String(parts[0].dropFirst(4)), lineOffset: 1)
        }
        return result
    }

    func testTheRepositoryContentHasTheProjectsAndPartnersAndChecksClean() throws {
        let folder = try repositoryWorkspace()
        let check = try run(["check", "--content", "content", "--templates", "templates", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertFalse(check.stderr.contains("erreur"), check.stderr)
        XCTAssertFalse(check.stderr.contains("content/projets/") || check.stderr.contains("content/partenaires/"), "no warning on the new content: " + check.stderr)
        XCTAssertTrue((check.stdout + check.stderr).contains("projets : 14, partenaires : 9"), check.stdout + check.stderr)

        // At least 12 projects over 6 regions, 8 partners of the trades; each side names the other.
        let projects = try frontMatters(folder.appendingPathComponent("content/projets"))
        let partners = try frontMatters(folder.appendingPathComponent("content/partenaires"))
        XCTAssertGreaterThanOrEqual(projects.count, 12)
        XCTAssertGreaterThanOrEqual(Set(projects.values.compactMap { $0["region"]?.text }).count, 6)
        XCTAssertGreaterThanOrEqual(partners.count, 8)
        let trades = Set(partners.values.flatMap { value -> [String] in
            guard case .list(let items, _)? = value["types"] else { return [] }
            return items.compactMap(\.text)
        })
        XCTAssertTrue(trades.isSuperset(of: ["amo", "architecte", "notaire", "avocat", "expert-comptable", "financeur", "bailleur-social", "collectivite", "formateur"]), "\(trades)")
        func names(_ tree: YAMLTree, _ key: String) -> Set<String> {
            guard case .list(let items, _)? = tree[key] else { return [] }
            return Set(items.compactMap(\.text))
        }
        for (slug, project) in projects {
            for partner in names(project, "partners") {
                XCTAssertTrue(names(try XCTUnwrap(partners[partner], partner), "projects").contains(slug), "\(partner) lists \(slug)")
            }
        }
        for (slug, partner) in partners {
            for project in names(partner, "projects") {
                XCTAssertTrue(names(try XCTUnwrap(projects[project], project), "partners").contains(slug), "\(project) lists \(slug)")
            }
        }
        // Coordinates rounded to two decimals, contacts never a person's phone.
        for project in projects.values {
            for key in ["latitude", "longitude"] {
                let text = try XCTUnwrap(project[key]?.text)
                XCTAssertLessThanOrEqual(text.split(separator: ".").last?.count ?? 0, 2, text)
            }
            XCTAssertFalse(ContactKind(project["contact"]?.text ?? "") == .phone, "projects give a group address, not a phone")
        }
    }

    func testTheCLIBuildsTheProjectsDatabaseWithReferencesAndBacklinks() throws {
        let folder = try repositoryWorkspace()
        let result = try run(["build", "--content", "content", "--templates", "templates", "--output", "site", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("site")
        func page(_ path: String) throws -> String { try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) }

        let project = try page("projets/les-tilleuls-villeurbanne/index.html")
        XCTAssertTrue(project.contains("<h1>Coopérative Les Tilleuls</h1>"), project)
        XCTAssertTrue(project.contains("<dt>Structure juridique</dt>\n<dd><a href=\"../../fiches/structures-juridiques/cooperative-d-habitants/\">La coopérative d\u{2019}habitants</a></dd>")
            || project.contains("<dd><a href=\"../../fiches/structures-juridiques/cooperative-d-habitants/\">La coopérative d&#39;habitants</a></dd>"), project)
        XCTAssertTrue(project.contains("<a href=\"../../partenaires/cooperative-amo-trame/\">"), project)
        XCTAssertTrue(project.contains("<dt>Département</dt>\n<dd>Rhône (69)</dd>"), project)
        XCTAssertTrue(project.contains("<dt>Région</dt>\n<dd><a href=\"../../projets/region/auvergne-rhone-alpes/\">Auvergne-Rhône-Alpes</a></dd>"), project)
        XCTAssertTrue(project.contains("class=\"contact-masque\"") && !project.contains("contact@cooperative-les-tilleuls"), "the contact is masked")

        let listing = try page("projets/index.html")
        XCTAssertEqual(listing.components(separatedBy: "<span class=\"etiquette\">Projet</span>").count - 1, 14, listing)
        XCTAssertTrue(listing.contains("<a href=\"../projets/region/\">Par région</a>"), listing)
        let occitanie = try page("projets/region/occitanie/index.html")
        XCTAssertTrue(occitanie.contains("Les Volubilis") && !occitanie.contains("Coopérative Les Tilleuls"), occitanie)
        XCTAssertTrue(try page("projets/stage/arrete/index.html").contains("L\u{2019}Îlot des possibles") || (try page("projets/stage/arrete/index.html")).contains("L&#39;Îlot des possibles"))
        XCTAssertTrue(try page("projets/atom.xml").contains("<title>Les Volubilis</title>"))
        XCTAssertTrue(try page("index.html").contains("<a href=\"./projets/\""), "the main menu has the projects")

        // Backlinks: the fiche lists the projects and partners that name it; the partner lists its projects.
        let fiche = try page("fiches/structures-juridiques/cooperative-d-habitants/index.html")
        XCTAssertTrue(fiche.contains("<h2>Projets qui ont choisi cette structure</h2>"), fiche)
        XCTAssertTrue(fiche.contains("<a href=\"../../../projets/les-lucioles-reze/\">Les Lucioles</a>"), fiche)
        XCTAssertTrue(fiche.contains("<h2>Professionnels qui accompagnent cette structure</h2>"), fiche)
        let partner = try page("partenaires/habitat-solidaire-occitanie/index.html")
        XCTAssertTrue(partner.contains("<dt>Projets accompagnés</dt>\n<dd><a href=\"../../projets/les-volubilis-castelnau/\">Les Volubilis</a></dd>"), partner)
        XCTAssertTrue(try page("partenaires/types/collectivite/index.html").contains("Monts et Vallons"))

        // The web editor offers both collections, their references as relations.
        let decap = try run(["decap", "--content", "content", "--output", "admin"], in: folder)
        XCTAssertEqual(decap.status, 0, decap.stderr)
        let config = try String(contentsOf: folder.appendingPathComponent("admin/config.yml"), encoding: .utf8)
        XCTAssertTrue(config.contains("name: projets") || config.contains("name: \"projets\""), config)
        XCTAssertTrue(config.contains("collection: fiches-structures-juridiques"), config)
        XCTAssertTrue(config.contains("collection: partenaires"), config)
    }

    func testCastorNewWritesAProjectThatTheRepositoryAccepts() throws {
        let folder = try repositoryWorkspace()
        let created = try run(["new", "projets", "Les Hirondelles", "--content", "content", "--region", "bretagne", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("content/projets/les-hirondelles.md"), created.stdout)
        let text = try String(contentsOf: folder.appendingPathComponent("content/projets/les-hirondelles.md"), encoding: .utf8)
        XCTAssertTrue(text.contains("\nregion: bretagne\n"), text)
        XCTAssertTrue(text.contains("# legal_form: cooperative-d-habitants  # facultatif"), text)
        let check = try run(["check", "--content", "content", "--templates", "templates", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertFalse(check.stderr.contains("content/projets/les-hirondelles.md:"), check.stderr)
        // Without --region, the first region is written and the file still checks.
        let plain = try run(["new", "projets", "Le Grand Chêne", "--content", "content", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(try run(["check", "--content", "content", "--templates", "templates", "--now", "2026-12-01"], in: folder).status, 0)
    }

    /// `inverse`: a project naming a partner that does not name it back is a warning, at the
    /// project's field, saying which file to complete.
    func testCheckWarnsWhenAPartnerDoesNotNameAProjectBack() throws {
        let folder = try repositoryWorkspace()
        let partner = folder.appendingPathComponent("content/partenaires/habitat-solidaire-occitanie.md")
        let text = try String(contentsOf: partner, encoding: .utf8)
        try text.replacingOccurrences(of: "projects: [les-volubilis-castelnau]\n", with: "").write(to: partner, atomically: true, encoding: .utf8)
        let result = try run(["check", "--content", "content", "--templates", "templates", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(result.status, 0, "a warning does not stop the build: " + result.stderr)
        XCTAssertTrue(result.stderr.contains(
            "content/projets/les-volubilis-castelnau.md:23:11: avertissement : « partners » : « habitat-solidaire-occitanie » ne nomme pas ce contenu dans son champ « projects »\n  conseil : ajoutez « les-volubilis-castelnau » à « projects » dans content/partenaires/habitat-solidaire-occitanie.md, ou retirez « habitat-solidaire-occitanie » de « partners »"),
            result.stderr)
    }
}
