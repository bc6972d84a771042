import Foundation
import XCTest

@testable import CastorKit

/// `castor serve` keeps the site in memory and rebuilds only what a change affects: after
/// every edit, the folder it serves must be exactly what `castor build` writes, and its
/// problems exactly those `castor check` reports.
final class LiveSiteTests: XCTestCase {
    var folder: URL!
    var content: URL { folder.appendingPathComponent("content") }
    let today = LocalDate(iso: "2026-11-23")!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: EndToEndTests.fixtures.appendingPathComponent("site/content"), to: content)
        try FileManager.default.copyItem(
            at: EndToEndTests.repository.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func options(output: String, drafts: Bool = false) -> BuildOptions {
        BuildOptions(
            content: content.path, templates: folder.appendingPathComponent("templates").path,
            output: folder.appendingPathComponent(output).path, today: today, includeDrafts: drafts)
    }

    func write(_ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func edit(_ path: String, _ transform: (String) -> String) throws {
        let url = content.appendingPathComponent(path)
        try write(path, transform(try String(contentsOf: url, encoding: .utf8)))
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: content.appendingPathComponent(path))
    }

    /// Compares the live folder with a fresh build, or the live problems with a fresh check.
    func assertSameAsBuild(_ live: SiteStore, _ outcome: SiteStore.Outcome, drafts: Bool = false, _ step: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let reference = Builder(options: options(output: "reference", drafts: drafts))
        var report = BuildReport()
        _ = reference.check(report: &report)
        XCTAssertEqual(
            outcome.diagnostics.sorted.map(\.formatted), report.diagnostics.sorted.map(\.formatted),
            "\(step): problems differ from castor check", file: file, line: line)
        guard !report.diagnostics.hasErrors else { return }
        let built = reference.build()
        XCTAssertTrue(built.succeeded, "\(step): \(built.diagnostics.sorted.map(\.formatted))", file: file, line: line)
        let expected = EndToEndTests.files(under: folder.appendingPathComponent("reference"))
        let actual = EndToEndTests.files(under: folder.appendingPathComponent("live"))
        XCTAssertEqual(Set(actual.keys), Set(expected.keys), "\(step): not the same files", file: file, line: line)
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) where actual[path] != data {
            XCTFail("\(step): \(path) differs from castor build", file: file, line: line)
        }
    }

    func testEveryEditLeavesTheSiteCastorBuildWouldWrite() throws {
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.published)
        assertSameAsBuild(live, outcome, "first build")
        let allPages = outcome.pagesWritten

        // Text only: the fiche's page (and the feed) change, nothing else is rendered.
        try edit("fiches/structures-juridiques/scic.md") { $0.replacingOccurrences(of: "Accueillir", with: "Accueillir") + "\nUn paragraphe ajouté.\n" }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertEqual(outcome.documentsRead, 1)
        XCTAssertEqual(outcome.pagesWritten, 1, "a text edit rewrites its page (and the feeds and index that carry it)")
        XCTAssertTrue(live.reusedPlan, "a text edit keeps the order and the listings")
        assertSameAsBuild(live, outcome, "body edit")

        // A title: listings, related fiches, feeds.
        try edit("fiches/structures-juridiques/scic.md") { $0.replacingOccurrences(of: "title: La SCIC", with: "title: La SCIC, coopérative") }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertFalse(live.reusedPlan)
        XCTAssertLessThan(outcome.pagesWritten, allPages / 2, "only the pages that show its title: \(outcome.pagesWritten) of \(allPages)")
        assertSameAsBuild(live, outcome, "title edit")

        // Text of an event and of an ad (the ads' feeds carry their text).
        try edit("agenda/atelier.md") { $0 + "\nPrévoir un pique-nique.\n" }
        try edit("annonces/terrain-rennes.md") { $0 + "\nVisites le samedi.\n" }
        outcome = live.update(.init(contentPaths: ["agenda/atelier.md", "annonces/terrain-rennes.md"]))
        XCTAssertTrue(live.reusedPlan)
        assertSameAsBuild(live, outcome, "event and ad text")
        try edit("pages/a-propos.md") { $0 + "\nUne phrase de plus.\n" }
        outcome = live.update(.init(contentPaths: ["pages/a-propos.md"]))
        XCTAssertEqual(outcome.pagesWritten, 1)
        assertSameAsBuild(live, outcome, "page text")

        // A summary: shown on cards, the plan stays; the page is ready before the feeds.
        try edit("fiches/structures-juridiques/scic.md") { $0.replacingOccurrences(of: "summary: \"La société", with: "summary: \"Ce qu'est la société") }
        var ready: SiteStore.Outcome?
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"])) { ready = $0 }
        XCTAssertNotNil(ready)
        XCTAssertLessThanOrEqual(ready?.filesWritten ?? 0, outcome.filesWritten)
        assertSameAsBuild(live, outcome, "summary edit")

        // A date that changes the order of the fiches.
        try edit("fiches/boite-a-outils/kit-jpo/index.md") { $0.replacingOccurrences(of: "updated: 2025-12-15", with: "updated: 2026-11-20") }
        outcome = live.update(.init(contentPaths: ["fiches/boite-a-outils/kit-jpo/index.md"]))
        assertSameAsBuild(live, outcome, "reordering edit")

        // A new fiche linking to one that does not exist yet: an error, the site stays as it was.
        try write(
            "fiches/structures-juridiques/cooperative.md",
            "---\ntitle: Coopérative d'habitants\nsummary: Une coopérative.\nthemes: [juridique]\nupdated: 2026-10-01\n---\nVoir [l'association](association.md).\n")
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/cooperative.md"]))
        XCTAssertFalse(outcome.published)
        assertSameAsBuild(live, outcome, "link to a missing file")
        try write("fiches/structures-juridiques/association.md", "---\ntitle: Association\nsummary: Loi 1901.\nupdated: 2026-09-01\n---\nTexte.\n")
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/association.md"]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "missing file added")

        // Broken front matter, then fixed.
        try edit("fiches/structures-juridiques/association.md") { $0.replacingOccurrences(of: "title: Association", with: "title: [Association") }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/association.md"]))
        XCTAssertFalse(outcome.published)
        assertSameAsBuild(live, outcome, "broken front matter")
        try edit("fiches/structures-juridiques/association.md") { $0.replacingOccurrences(of: "title: [Association", with: "title: Association loi 1901") }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/association.md"]))
        assertSameAsBuild(live, outcome, "front matter fixed")

        // A draft, then a removed fiche whose link turns into an error, then fixed.
        try edit("fiches/structures-juridiques/association.md") { $0.replacingOccurrences(of: "updated:", with: "draft: true\nupdated:") }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/association.md"]))
        assertSameAsBuild(live, outcome, "draft")
        try remove("fiches/structures-juridiques/association.md")
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/association.md"]))
        assertSameAsBuild(live, outcome, "removed target")
        try remove("fiches/structures-juridiques/cooperative.md")
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/cooperative.md"]))
        XCTAssertTrue(outcome.published)
        assertSameAsBuild(live, outcome, "removed fiche")

        // Another fiche shows an image of kit-jpo's folder, and links to its poster. The image
        // changes size: that fiche's page gives the new size (its Markdown read that path).
        try edit("fiches/structures-juridiques/scic.md") {
            $0 + "\nVoir [l'affiche](../boite-a-outils/kit-jpo/affiche.txt).\n\n![Plan du rez-de-chaussée](../boite-a-outils/kit-jpo/plan.png)\n"
        }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertTrue(outcome.published)
        assertSameAsBuild(live, outcome, "link to an attachment")
        // A PNG's signature and header: 640 × 480.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        png += [0, 0, 0x02, 0x80, 0, 0, 0x01, 0xE0, 8, 6, 0, 0, 0, 0, 0, 0, 0]
        try Data(png).write(to: content.appendingPathComponent("fiches/boite-a-outils/kit-jpo/plan.png"))
        outcome = live.update(.init(contentPaths: ["fiches/boite-a-outils/kit-jpo/plan.png"]))
        let scicPage = try String(contentsOf: folder.appendingPathComponent("live/fiches/structures-juridiques/scic/index.html"), encoding: .utf8)
        XCTAssertTrue(scicPage.contains("width=\"640\" height=\"480\""))
        assertSameAsBuild(live, outcome, "image resized")
        try remove("fiches/boite-a-outils/kit-jpo/affiche.txt")
        outcome = live.update(.init(contentPaths: ["fiches/boite-a-outils/kit-jpo/affiche.txt"]))
        XCTAssertTrue(outcome.diagnostics.items.contains { $0.file.hasSuffix("scic.md") && $0.message.contains("affiche.txt") })
        assertSameAsBuild(live, outcome, "attachment removed")
        try write("fiches/boite-a-outils/kit-jpo/affiche.txt", "Une affiche plus longue qu'avant.\n")
        outcome = live.update(.init(contentPaths: ["fiches/boite-a-outils/kit-jpo/affiche.txt"]))
        assertSameAsBuild(live, outcome, "attachment back")

        // Events and ads: a new event, an ad that expires.
        try write("agenda/visite.md", "---\ntitle: Visite de chantier\nstart: 2027-01-09T10:00\nregion: bretagne\n---\nVenez.\n")
        outcome = live.update(.init(contentPaths: ["agenda/visite.md"]))
        assertSameAsBuild(live, outcome, "new event")
        try edit("annonces/terrain-rennes.md") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("expires:") }
                .map { $0.hasPrefix("published:") ? "published: 2025-01-01\nexpires: 2025-06-30" : String($0) }
                .joined(separator: "\n")
        }
        outcome = live.update(.init(contentPaths: ["annonces/terrain-rennes.md"]))
        assertSameAsBuild(live, outcome, "ad expired")

        // A whole folder moved away and back (editors and file managers do that).
        try FileManager.default.moveItem(
            at: content.appendingPathComponent("fiches/boite-a-outils/kit-jpo"), to: folder.appendingPathComponent("kit-jpo"))
        outcome = live.update(.init(contentPaths: ["fiches/boite-a-outils/kit-jpo"]))
        assertSameAsBuild(live, outcome, "folder moved away")
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("kit-jpo"), to: content.appendingPathComponent("fiches/boite-a-outils/kit-jpo"))
        outcome = live.update(.init(contentPaths: ["fiches/boite-a-outils/kit-jpo"]))
        assertSameAsBuild(live, outcome, "folder moved back")

        // A theme: the related fiches change (`related: {field: themes}`); then a fiche moved
        // to another type (its group): listings, breadcrumbs, search types, editable document.
        try edit("fiches/structures-juridiques/scic.md") { $0.replacingOccurrences(of: "themes: [juridique, gouvernance]", with: "themes: [communication]") }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        assertSameAsBuild(live, outcome, "theme edit")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("fiches/trames-types"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: content.appendingPathComponent("fiches/boite-a-outils/kit-jpo"), to: content.appendingPathComponent("fiches/trames-types/kit-jpo"))
        outcome = live.update(.init(contentPaths: ["fiches/boite-a-outils/kit-jpo", "fiches/trames-types/kit-jpo"]))
        assertSameAsBuild(live, outcome, "group move")

        // The fiche back in its group: the links to it work again.
        try FileManager.default.moveItem(
            at: content.appendingPathComponent("fiches/trames-types/kit-jpo"), to: content.appendingPathComponent("fiches/boite-a-outils/kit-jpo"))
        outcome = live.update(.init(contentPaths: ["fiches/boite-a-outils/kit-jpo", "fiches/trames-types/kit-jpo"]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "group move back")

        // Templates: the pages made with a changed template, and only those.
        func append(_ text: String, to template: String) throws {
            let file = folder.appendingPathComponent("templates/" + template)
            try (try String(contentsOf: file, encoding: .utf8) + text).write(to: file, atomically: true, encoding: .utf8)
        }
        let events = try XCTUnwrap(live.lastCollections.first { $0.schema.publishing.calendar != nil }).items.count
        try append("\n<!-- événement modifié -->\n", to: "event.mustache")
        outcome = live.update(.init(templatesChanged: true))
        XCTAssertTrue(outcome.published)
        XCTAssertEqual(outcome.pagesWritten, events, "the events' pages, made with that template")
        assertSameAsBuild(live, outcome, "event template edit")
        // A stylesheet: no page is made again, the file is copied.
        try append("\n/* retouche */\n", to: "assets/style.css")
        outcome = live.update(.init(templatesChanged: true))
        XCTAssertEqual(outcome.pagesWritten, 0)
        assertSameAsBuild(live, outcome, "stylesheet edit")
        // A partial every page shows.
        try append("\n<!-- pied modifié -->\n", to: "partials/footer.mustache")
        outcome = live.update(.init(templatesChanged: true))
        XCTAssertEqual(outcome.pagesWritten, live.lastPlan?.jobs.count)
        assertSameAsBuild(live, outcome, "footer template edit")
        // A template of its own for the ads (`<collection>.mustache`): their pages take it; gone, they go back to `item`.
        let item = try String(contentsOf: folder.appendingPathComponent("templates/item.mustache"), encoding: .utf8)
        try (item + "\n<!-- gabarit des annonces -->\n").write(
            to: folder.appendingPathComponent("templates/annonces.mustache"), atomically: true, encoding: .utf8)
        outcome = live.update(.init(templatesChanged: true))
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("live/annonces/cherche-groupe/index.html"), encoding: .utf8).contains("gabarit des annonces"))
        assertSameAsBuild(live, outcome, "collection template added")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("templates/annonces.mustache"))
        outcome = live.update(.init(templatesChanged: true))
        assertSameAsBuild(live, outcome, "collection template removed")

        // site.yml: everything again.
        try edit("site.yml") { $0.replacingOccurrences(of: "Bretagne", with: "Bretagne (Breizh)") }
        outcome = live.update(.init(contentPaths: ["site.yml"]))
        assertSameAsBuild(live, outcome, "site.yml edit")
    }

    /// A draft is not published, but its links are checked (warnings), as `castor check` does:
    /// the preview says the same problems, and they follow the page it links to. The web
    /// editor (`editor:` in site.yml) is written by the preview as by the build.
    func testADraftsLinksAndTheEditorAreCheckedAndWrittenAsByTheBuild() throws {
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        let draft = "fiches/boite-a-outils/brouillon.md"
        try edit(draft) { $0 + "\nVoir [la future fiche](nouvelle.md).\n" }
        outcome = live.update(.init(contentPaths: [draft]))
        XCTAssertTrue(outcome.published)
        let warning = outcome.diagnostics.warnings.map(\.formatted).first { $0.contains("nouvelle.md") }
        XCTAssertNotNil(warning, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "draft with a broken link")
        try write("fiches/boite-a-outils/nouvelle.md", "---\ntitle: Nouvelle fiche\nsummary: Une fiche nouvelle.\nthemes: [gouvernance]\nregions: [national]\nupdated: 2026-11-20\n---\nTexte.\n")
        outcome = live.update(.init(contentPaths: ["fiches/boite-a-outils/nouvelle.md"]))
        XCTAssertFalse(outcome.diagnostics.warnings.contains { $0.formatted.contains("nouvelle.md") }, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "the draft's link target created")

        // The web editor is part of the site, in the preview too.
        try edit("site.yml") { $0 + "\neditor:\n  backend: github\n  repo: reseau/contenu\n" }
        outcome = live.update(.init(contentPaths: ["site.yml"]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "editor turned on")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("live/admin/config.yml").path))
    }

    /// A collection declared in YAML only (the partners' directory): every kind of edit of its
    /// items, and of the rest of the site around them, leaves what `castor build` writes.
    func testEditsOfADeclaredCollectionLeaveTheSiteCastorBuildWouldWrite() throws {
        try DeclaredCollectionTests.addPartners(to: content)
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("live/partenaires/etude-notariale-des-lices/index.html").path))
        assertSameAsBuild(live, outcome, "first build with partners")

        let notary = "partenaires/etude-notariale-des-lices.md"
        try edit(notary) { $0 + "\nPremier rendez-vous sans frais.\n" }
        outcome = live.update(.init(contentPaths: [notary]))
        XCTAssertTrue(outcome.published, "partner text: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(live.reusedPlan, "a partner's text edit takes the fast path, as a fiche's")
        XCTAssertEqual(outcome.pagesWritten, 1, "only the partner's own page reads its body")
        assertSameAsBuild(live, outcome, "partner text")
        // A summary: the cards that show it (listings, per-value pages), not the plan.
        try edit(notary) { $0.replacingOccurrences(of: "summary: Étude notariale qui", with: "summary: Office notarial qui") }
        outcome = live.update(.init(contentPaths: [notary]))
        XCTAssertTrue(outcome.published, "partner summary: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertGreaterThan(outcome.pagesWritten, 1, "the listings that show the partner's card are rendered again")
        assertSameAsBuild(live, outcome, "partner summary")
        try edit(notary) { $0.replacingOccurrences(of: "title: Étude notariale des Lices", with: "title: Aaa, étude notariale") }
        outcome = live.update(.init(contentPaths: [notary]))
        XCTAssertTrue(outcome.published, "partner title (order): " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "partner title (order)")
        try edit(notary) { $0.replacingOccurrences(of: "types: [notaire]", with: "types: [notaire, juriste]").replacingOccurrences(of: "region: bretagne", with: "region: national") }
        outcome = live.update(.init(contentPaths: [notary]))
        XCTAssertTrue(outcome.published, "partner type and region (listings): " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "partner type and region (listings)")
        try write("partenaires/atelier-ensemble.md", "---\ntitle: Atelier Ensemble\nsummary: Architectes.\ntypes: [architecte]\nupdated: 2026-06-30\n---\nMaquettes en réunion.\n")
        outcome = live.update(.init(contentPaths: ["partenaires/atelier-ensemble.md"]))
        XCTAssertTrue(outcome.published, "partner added: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "partner added")
        try edit("partenaires/atelier-ensemble.md") { $0.replacingOccurrences(of: "updated:", with: "draft: true\nupdated:") }
        outcome = live.update(.init(contentPaths: ["partenaires/atelier-ensemble.md"]))
        XCTAssertTrue(outcome.published, "partner made a draft: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "partner made a draft")
        try remove("partenaires/cooperative-amo-trame.md")
        outcome = live.update(.init(contentPaths: ["partenaires/cooperative-amo-trame.md"]))
        XCTAssertTrue(outcome.published, "partner removed: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "partner removed")
        // A link from a fiche to a partner, then an edit of the fiche alone (fast path).
        try edit("fiches/structures-juridiques/scic.md") { $0 + "\nVoir [l'étude](../../partenaires/etude-notariale-des-lices.md).\n" }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "fiche linking to a partner")
        try edit("fiches/structures-juridiques/scic.md") { $0 + "\nUn mot de plus.\n" }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertTrue(live.reusedPlan, "a declared collection does not take a fiche's text edit off the fast path")
        XCTAssertEqual(outcome.pagesWritten, 1)
        assertSameAsBuild(live, outcome, "fiche text beside partners")
        try edit("site.yml") { $0.replacingOccurrences(of: "notaire: Notaire", with: "notaire: Notaire, office notarial") }
        outcome = live.update(.init(contentPaths: ["site.yml"]))
        XCTAssertTrue(outcome.published, "partner types renamed in site.yml: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "partner types renamed in site.yml")
        try edit("collections.yml") { $0.replacingOccurrences(of: "direction: asc", with: "direction: desc") }
        outcome = live.update(.init(contentPaths: ["collections.yml"]))
        XCTAssertTrue(outcome.published, "partners' order in collections.yml: " + outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "partners' order in collections.yml")
    }

    /// Titles and dates that tie: the preview puts changed items back in the order the
    /// build's stable sort gives (paths in order among equals).
    func testOrderFollowsTheBuildWhenTitlesAndDatesTie() throws {
        for name in ["a", "b", "c", "d"] {
            try write(
                "fiches/trames-types/\(name).md",
                "---\ntitle: Même titre\nsummary: Fiche \(name).\nthemes: [juridique]\nupdated: 2026-06-01\n---\nTexte \(name).\n")
        }
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        assertSameAsBuild(live, outcome, "ties")
        let edits: [(String, String, String)] = [
            ("c", "title: Même titre", "title: Aardvark"),
            ("c", "title: Aardvark", "title: Même titre"),
            ("a", "title: Même titre", "title: Zèbre"),
            ("b", "updated: 2026-06-01", "updated: 2026-06-02"),
            ("b", "updated: 2026-06-02", "updated: 2026-06-01"),
            ("d", "themes: [juridique]", "themes: [gouvernance]"),
            ("a", "summary: Fiche a.", "summary: Fiche a, résumé changé."),
        ]
        for (name, from, to) in edits {
            try edit("fiches/trames-types/\(name).md") { $0.replacingOccurrences(of: from, with: to) }
            outcome = live.update(.init(contentPaths: ["fiches/trames-types/\(name).md"]))
            assertSameAsBuild(live, outcome, "\(name): \(to)")
        }
    }

    /// Broken at start: the error is reported, nothing published; fixed: the whole site appears.
    func testContentBrokenAtStartThenFixed() throws {
        try edit("fiches/structures-juridiques/scic.md") { $0.replacingOccurrences(of: "title: La SCIC", with: "title: [La SCIC") }
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertFalse(outcome.published)
        assertSameAsBuild(live, outcome, "broken at start")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("live").path))
        try edit("fiches/structures-juridiques/scic.md") { $0.replacingOccurrences(of: "title: [La SCIC", with: "title: La SCIC") }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertTrue(outcome.published)
        assertSameAsBuild(live, outcome, "fixed")
    }

    /// The preview makes the search index off its loop: the pages come first, the index when
    /// its job is done, and a job made for an older state of the site is dropped.
    func testSlowFilesMadeLaterAreTheBuildsOnesInTheEnd() throws {
        let live = SiteStore(options: options(output: "live"))
        live.deferredGroups = [.search]
        var outcome = live.rebuildAll()
        XCTAssertNil(live.takeDeferredJob(), "the first build makes everything")
        try edit("fiches/structures-juridiques/scic.md") { $0 + "\nUn mot rare : ornithorynque.\n" }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertEqual(outcome.pagesWritten, 1)
        let stale = try XCTUnwrap(live.takeDeferredJob())
        try edit("fiches/structures-juridiques/scic.md") { $0 + "\nEt un autre : tamanoir.\n" }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertNil(live.finish(stale.run()), "made for an older state of the site")
        let job = try XCTUnwrap(live.takeDeferredJob())
        XCTAssertNotNil(live.finish(job.run()))
        XCTAssertNil(live.takeDeferredJob())
        assertSameAsBuild(live, outcome, "search index made later")
    }

    /// A pending slow job outlives an edit that the search index does not read (a draft): the
    /// fast path does not even look at that group then, yet the job is carried to the newest
    /// site, accepted, and gives what `castor build` writes.
    func testAPendingSlowJobSurvivesAnEditItDoesNotRead() throws {
        let live = SiteStore(options: options(output: "live"))
        live.deferredGroups = [.search]
        var outcome = live.rebuildAll()
        try edit("fiches/structures-juridiques/scic.md") { $0 + "\nUn mot rare : ornithorynque.\n" }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertNotNil(live.takeDeferredJob())
        try edit("fiches/boite-a-outils/brouillon.md") { $0 + "\nEncore un brouillon.\n" }
        outcome = live.update(.init(contentPaths: ["fiches/boite-a-outils/brouillon.md"]))
        XCTAssertTrue(outcome.published)
        let job = try XCTUnwrap(live.takeDeferredJob())
        XCTAssertNotNil(live.finish(job.run()), "made from the newest site")
        XCTAssertNil(live.takeDeferredJob())
        assertSameAsBuild(live, outcome, "slow job after an edit it does not read")
    }

    func testDraftsShownWhenAsked() throws {
        let live = SiteStore(options: options(output: "live", drafts: true))
        let outcome = live.rebuildAll()
        assertSameAsBuild(live, outcome, drafts: true, "drafts")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("live/fiches/boite-a-outils/brouillon/index.html").path))
    }

    /// What `castor build` refuses (two sources for one file, active content), the preview
    /// shows as the same errors, and they go when the file is removed (issue 11).
    func testContentFileReplacingAGeneratedFileIsAnErrorUntilRemoved() throws {
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.published)
        try write("agenda/widget.js", "document.write('<script src=\\'//x.example/x.js\\'></script>');\n")
        outcome = live.update(.init(contentPaths: ["agenda/widget.js"]))
        XCTAssertFalse(outcome.published, "castor build refuses this site")
        let built = Builder(options: options(output: "reference")).build()
        XCTAssertFalse(built.succeeded)
        let expected = built.diagnostics.sorted.filter { $0.severity == .error }.map(\.formatted)
        XCTAssertTrue(expected.contains { $0.contains("agenda/widget.js") && $0.contains("même fichier du site") }, "\(expected)")
        XCTAssertEqual(outcome.diagnostics.sorted.filter { $0.severity == .error }.map(\.formatted), expected)
        XCTAssertEqual(live.diagnostics.sorted.map(\.formatted), outcome.diagnostics.sorted.map(\.formatted))
        assertSameAsBuild(live, outcome, "content file for the widget")
        try remove("agenda/widget.js")
        outcome = live.update(.init(contentPaths: ["agenda/widget.js"]))
        XCTAssertTrue(outcome.published)
        XCTAssertFalse(live.diagnostics.hasErrors)
        assertSameAsBuild(live, outcome, "content file removed")
    }

    /// A template link to no file of the site is the error `castor build` reports, placed on the
    /// template's line; it stays through content edits and goes when the template is fixed.
    func testTemplateLinkToNoPageIsAnErrorUntilFixed() throws {
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.published)
        let footer = folder.appendingPathComponent("templates/partials/footer.mustache")
        let original = try String(contentsOf: footer, encoding: .utf8)
        let search = "<li><a href=\"{{root}}recherche/\">"
        XCTAssertTrue(original.contains(search))
        try original.replacingOccurrences(of: search, with: "<li><a href=\"{{root}}nulle-part/\">Nulle part</a></li>\n" + search)
            .write(to: footer, atomically: true, encoding: .utf8)
        outcome = live.update(.init(templatesChanged: true))
        XCTAssertFalse(outcome.published, "castor build refuses this site")
        let built = Builder(options: options(output: "reference")).build()
        let expected = built.diagnostics.sorted.filter { $0.severity == .error }.map(\.formatted)
        XCTAssertEqual(expected.count, 1, "\(expected)")
        XCTAssertTrue(expected.first?.contains("partials/footer.mustache:10:14: erreur : lien vers « nulle-part/ »") == true, "\(expected)")
        XCTAssertEqual(outcome.diagnostics.sorted.filter { $0.severity == .error }.map(\.formatted), expected)
        XCTAssertEqual(live.diagnostics.sorted.map(\.formatted), outcome.diagnostics.sorted.map(\.formatted))
        // A text edit renders one page again: the others keep their broken link.
        try edit("fiches/structures-juridiques/scic.md") { $0 + "\nUn paragraphe ajouté.\n" }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertTrue(live.reusedPlan)
        XCTAssertEqual(outcome.pagesWritten, 1)
        XCTAssertEqual(outcome.diagnostics.sorted.filter { $0.severity == .error }.map(\.formatted), expected)
        try original.write(to: footer, atomically: true, encoding: .utf8)
        outcome = live.update(.init(templatesChanged: true))
        XCTAssertTrue(outcome.published)
        XCTAssertFalse(live.diagnostics.hasErrors)
        assertSameAsBuild(live, outcome, "template fixed")
    }

    /// Editable documents (`odt:`, declared for the trames-types by the fixture as by the
    /// project): an edited trame's document is made again on the fast path,
    /// a trame turned draft loses it, a new one gets it; always the bytes `castor build` writes.
    func testEditableDocumentsFollowEveryEditAsTheBuildWritesThem() throws {
        try EditableDocumentSiteTests.addTrame(to: content)
        let trame = "fiches/trames-types/charte/index.md"
        let document = folder.appendingPathComponent("live/fiches/trames-types/charte/charte-modifiable.odt")
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let first = try Data(contentsOf: document)
        assertSameAsBuild(live, outcome, "first build with a trame")

        try edit(trame) { $0 + "\n## Une partie ajoutée\n\nÀ remplir : [date de la réunion].\n" }
        outcome = live.update(.init(contentPaths: [trame]))
        XCTAssertTrue(live.reusedPlan, "a text edit takes the fast path")
        XCTAssertEqual(outcome.pagesWritten, 1)
        XCTAssertNotEqual(try Data(contentsOf: document), first, "the document is made again")
        assertSameAsBuild(live, outcome, "trame text edit")

        try edit(trame) { $0.replacingOccurrences(of: "updated: 2026-05-26", with: "draft: true\nupdated: 2026-05-26") }
        outcome = live.update(.init(contentPaths: [trame]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: document.path))
        assertSameAsBuild(live, outcome, "trame turned draft")

        try edit(trame) { $0.replacingOccurrences(of: "draft: true\n", with: "") }
        try write("fiches/trames-types/proces-verbal.md", "---\ntitle: Procès-verbal\nsummary: Un modèle.\nupdated: 2026-04-01\n---\n## Présents\n\n____\n")
        outcome = live.update(.init(contentPaths: [trame, "fiches/trames-types/proces-verbal.md"]))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("live/fiches/trames-types/proces-verbal/proces-verbal-modifiable.odt").path))
        assertSameAsBuild(live, outcome, "trame published again, new trame")

        try edit("collections.yml") { $0.replacingOccurrences(of: EditableDocumentSiteTests.fichesDeclaration, with: "") }
        outcome = live.update(.init(contentPaths: ["collections.yml"]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: document.path))
        assertSameAsBuild(live, outcome, "odt no longer declared")
    }
}
