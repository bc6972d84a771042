import Foundation
import XCTest

@testable import CastorKit

/// `castor serve` writes the newsletter's e-mails as `castor build` does, and makes them again
/// when what they show changes (a new fiche in the next issue, an issue's text, a date).
extension LiveSiteTests {
    func testNewsletterEmailsFollowEveryEditAsTheBuildWritesThem() throws {
        try NewsletterTests.addNewsletter(to: content)
        let live = SiteStore(options: options(output: "live"))
        var outcome = live.rebuildAll()
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        let mail = folder.appendingPathComponent("live/lettres/n2/courriel.html")
        let text = folder.appendingPathComponent("live/lettres/n2/courriel.txt")
        XCTAssertFalse(try String(contentsOf: text, encoding: .utf8).contains("Fiche toute neuve"))
        assertSameAsBuild(live, outcome, "first build with a newsletter")

        // A new fiche, dated between the two issues: it appears in the second one.
        let fiche = "fiches/boite-a-outils/fiche-toute-neuve.md"
        try write(fiche, "---\ntitle: Fiche toute neuve\nsummary: Pour la lettre.\nupdated: 2026-10-20\n---\nTexte.\n")
        outcome = live.update(.init(contentPaths: [fiche]))
        XCTAssertTrue(outcome.published, outcome.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(try String(contentsOf: text, encoding: .utf8).contains("Fiche toute neuve"))
        XCTAssertTrue(try String(contentsOf: mail, encoding: .utf8).contains("Fiche toute neuve"))
        assertSameAsBuild(live, outcome, "new fiche in the next issue")

        // Its date moved after the second issue: it leaves it (a card edit, no text changed).
        try edit(fiche) { $0.replacingOccurrences(of: "updated: 2026-10-20", with: "updated: 2026-11-20") }
        outcome = live.update(.init(contentPaths: [fiche]))
        XCTAssertFalse(try String(contentsOf: text, encoding: .utf8).contains("Fiche toute neuve"))
        assertSameAsBuild(live, outcome, "fiche dated after the issue")

        // The issue's own text (fast path), then a section turned off in it.
        try edit("lettres/n2.md") { $0 + "\nUn mot de plus pour finir.\n" }
        outcome = live.update(.init(contentPaths: ["lettres/n2.md"]))
        XCTAssertTrue(try String(contentsOf: text, encoding: .utf8).contains("Un mot de plus pour finir."))
        assertSameAsBuild(live, outcome, "issue text")
        try edit("lettres/n2.md") { $0.replacingOccurrences(of: "sans: [annonces]", with: "sans: [annonces, agenda]") }
        outcome = live.update(.init(contentPaths: ["lettres/n2.md"]))
        XCTAssertFalse(try String(contentsOf: text, encoding: .utf8).contains("Prochains rendez-vous"))
        assertSameAsBuild(live, outcome, "agenda left out of the issue")

        // An issue removed: the next one has no previous issue; its e-mails are gone.
        try remove("lettres/n1.md")
        outcome = live.update(.init(contentPaths: ["lettres/n1.md"]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("live/lettres/n1/courriel.html").path))
        assertSameAsBuild(live, outcome, "first issue removed")

        // The e-mail template edited: every e-mail is made again.
        let template = folder.appendingPathComponent("templates/courriel.txt.mustache")
        try (try String(contentsOf: template, encoding: .utf8) + "Bonne lecture !\n").write(to: template, atomically: true, encoding: .utf8)
        outcome = live.update(.init(templatesChanged: true))
        XCTAssertTrue(try String(contentsOf: text, encoding: .utf8).contains("Bonne lecture\u{202F}!"))
        assertSameAsBuild(live, outcome, "e-mail template edited")
    }
}
