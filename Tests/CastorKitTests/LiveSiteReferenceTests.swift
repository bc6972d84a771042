import Foundation
import XCTest

@testable import CastorKit

/// References between items in the preview: an edit of one item changes the pages of the items
/// that name it (the title shown by a reference field, the backlinks), also when the edited
/// item is a fiche, which takes the preview's fast paths. After every edit, the served folder
/// is what `castor build` writes and the problems are those of `castor check`.
extension LiveSiteTests {
    func testEditsAcrossReferencesLeaveTheSiteCastorBuildWouldWrite() throws {
        try ReferenceFieldTests.addProjects(to: content)
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        assertSameAsBuild(live, outcome, "first build")
        func served(_ path: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent("live/" + path), encoding: .utf8)
        }
        XCTAssertTrue(try served("projets/la-canopee/index.html").contains(">La SCIC</a>"))

        // A fiche's text: the fast path; the projects naming it show only its title.
        try edit("fiches/structures-juridiques/scic.md") { $0 + "\nUn paragraphe ajouté.\n" }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertTrue(live.reusedPlan)
        assertSameAsBuild(live, outcome, "fiche body edit")

        // A fiche's title: every project page (and card) naming it shows the new title.
        try edit("fiches/structures-juridiques/scic.md") { $0.replacingOccurrences(of: "title: La SCIC", with: "title: La SCIC, coopérative") }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertTrue(try served("projets/la-canopee/index.html").contains(">La SCIC, coopérative</a>"))
        XCTAssertTrue(try served("projets/les-tilleuls/index.html").contains(">La SCIC, coopérative</a>"))
        XCTAssertTrue(try served("projets/index.html").contains("La SCIC, coopérative"), "the cards show it too")
        assertSameAsBuild(live, outcome, "fiche title edit")

        // A partner's title: the projects naming it.
        try edit("partenaires/cooperative-amo-trame.md") { $0.replacingOccurrences(of: "title: Trame, coopérative d'AMO", with: "title: Trame, AMO coopérative") }
        outcome = live.update(.init(contentPaths: ["partenaires/cooperative-amo-trame.md"]))
        XCTAssertTrue(try served("projets/les-tilleuls/index.html").contains(">Trame, AMO coopérative</a>"))
        assertSameAsBuild(live, outcome, "partner title edit")

        // A project's title, its place in the order kept: the fiche's backlinks show the new
        // title, from the reference index given the new version of the project (not rebuilt).
        try edit("projets/les-tilleuls.md") { $0.replacingOccurrences(of: "title: Les Tilleuls", with: "title: Les Tilleuls du parc") }
        outcome = live.update(.init(contentPaths: ["projets/les-tilleuls.md"]))
        XCTAssertTrue(live.refreshedReferences)
        XCTAssertTrue(try served("fiches/structures-juridiques/scic/index.html").contains(">Les Tilleuls du parc</a>"))
        assertSameAsBuild(live, outcome, "naming project's title edit")

        // A project's title that moves it after the other: the backlinks follow the new order
        // (the index is made again).
        try edit("projets/la-canopee.md") { $0.replacingOccurrences(of: "title: La Canopée", with: "title: Une canopée") }
        outcome = live.update(.init(contentPaths: ["projets/la-canopee.md"]))
        XCTAssertFalse(live.refreshedReferences)
        var backlinks = try served("fiches/structures-juridiques/scic/index.html")
        XCTAssertLessThan(
            try XCTUnwrap(backlinks.range(of: ">Les Tilleuls du parc</a>")).lowerBound, try XCTUnwrap(backlinks.range(of: ">Une canopée</a>")).lowerBound)
        assertSameAsBuild(live, outcome, "naming project moved")
        try edit("projets/la-canopee.md") { $0.replacingOccurrences(of: "title: Une canopée", with: "title: La Canopée") }
        try edit("projets/les-tilleuls.md") { $0.replacingOccurrences(of: "title: Les Tilleuls du parc", with: "title: Les Tilleuls") }
        outcome = live.update(.init(contentPaths: ["projets/la-canopee.md", "projets/les-tilleuls.md"]))
        backlinks = try served("fiches/structures-juridiques/scic/index.html")
        XCTAssertLessThan(
            try XCTUnwrap(backlinks.range(of: ">La Canopée</a>")).lowerBound, try XCTUnwrap(backlinks.range(of: ">Les Tilleuls</a>")).lowerBound)
        assertSameAsBuild(live, outcome, "titles back")

        // A project drops its legal form: the fiche's backlinks lose it.
        try edit("projets/les-tilleuls.md") { $0.replacingOccurrences(of: "legal_form: structures-juridiques/scic\n", with: "") }
        outcome = live.update(.init(contentPaths: ["projets/les-tilleuls.md"]))
        let fiche = try served("fiches/structures-juridiques/scic/index.html")
        XCTAssertTrue(fiche.contains("La Canopée") && !fiche.contains("Les Tilleuls"), fiche)
        assertSameAsBuild(live, outcome, "reference removed")

        // A project names a partner that does not exist: an error, as in castor check.
        try edit("projets/la-canopee.md") { $0.replacingOccurrences(of: "credit-solidaire-habitat]", with: "credit-solidaire]") }
        outcome = live.update(.init(contentPaths: ["projets/la-canopee.md"]))
        XCTAssertFalse(outcome.published)
        assertSameAsBuild(live, outcome, "unknown reference")
        // The partner appears under that name: the error goes.
        try write("partenaires/credit-solidaire.md", "---\ntitle: Crédit solidaire\nsummary: Une banque.\ntypes: [financeur]\nupdated: 2026-11-01\n---\nTexte.\n")
        outcome = live.update(.init(contentPaths: ["partenaires/credit-solidaire.md"]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(try served("partenaires/credit-solidaire/index.html").contains("<h2>Projets accompagnés</h2>"))
        assertSameAsBuild(live, outcome, "target created")

        // The fiche becomes a draft: a warning on the projects naming it, the name without a link.
        try edit("fiches/structures-juridiques/scic.md") { $0.replacingOccurrences(of: "---\ntitle:", with: "---\ndraft: true\ntitle:") }
        outcome = live.update(.init(contentPaths: ["fiches/structures-juridiques/scic.md"]))
        XCTAssertTrue(outcome.diagnostics.items.contains { $0.message.contains("« legal_form » : « scic » vise un contenu non publié") })
        XCTAssertTrue(try served("projets/la-canopee/index.html").contains("<dd>scic</dd>"))
        assertSameAsBuild(live, outcome, "target made a draft")
    }
}
