import Foundation
import XCTest

@testable import CastorKit

/// The sections an issue leaves out (`digest: {skip: sans}`) are named by the declared section
/// ids: a typo is an error at its line, and a site.yml list behind the field must match them.
final class NewsletterSkipTests: XCTestCase {
    let today = LocalDate(iso: "2026-11-23")!

    func problems(_ content: URL) -> [Diagnostic] {
        var report = BuildReport()
        let templates = content.deletingLastPathComponent().appendingPathComponent("templates").path
        let checked = Builder(options: BuildOptions(content: content.path, templates: templates, today: today)).check(report: &report)
        XCTAssertNil(checked, "a wrong section name stops the build")
        return report.diagnostics.items.filter { $0.severity == .error }
    }

    func testAnIssueThatLeavesOutAnUnknownSectionIsAnErrorAtItsLine() throws {
        let content = try temporaryContent(self)
        try NewsletterTests.addNewsletter(to: content)
        let issue = content.appendingPathComponent("lettres/n2.md")
        try (try String(contentsOf: issue, encoding: .utf8)).replacingOccurrences(of: "sans: [annonces]", with: "sans: [annonce, agenda]")
            .write(to: issue, atomically: true, encoding: .utf8)
        let errors = problems(content)
        XCTAssertEqual(errors.map(\.message), ["« sans » : « annonce » n'est pas une section de la lettre : vouliez-vous écrire « annonces » ?"])
        XCTAssertEqual(errors.first?.file.hasSuffix("lettres/n2.md"), true)
        XCTAssertEqual(errors.first?.line, 5, "the line of « sans: » in the front matter")
        XCTAssertEqual(errors.first?.hint, "sections qu'un numéro peut laisser de côté : fiches, agenda, annonces")
    }

    func testAListOfSiteYmlBehindTheFieldMustNameExactlyTheSections() throws {
        let content = try temporaryContent(self)
        try NewsletterTests.addNewsletter(to: content)
        let declarations = content.appendingPathComponent("collections.yml")
        let text = try String(contentsOf: declarations, encoding: .utf8)
        try text.replacingOccurrences(
            of: "sans: {type: text_list, label: Sections laissées de côté}",
            with: "sans: {type: terms, label: Sections laissées de côté, vocabulary: lettre_sections}"
        ).write(to: declarations, atomically: true, encoding: .utf8)
        let site = content.appendingPathComponent("site.yml")
        try (try String(contentsOf: site, encoding: .utf8) + """

            lettre_sections:
              fiches: Fiches mises à jour
              agenda: Prochains rendez-vous
              anonces: Nouvelles annonces

            """).write(to: site, atomically: true, encoding: .utf8)
        let skipLine = try XCTUnwrap(
            String(contentsOf: declarations, encoding: .utf8).components(separatedBy: "\n").lastIndex { $0.contains("skip: sans") }) + 1
        let errors = problems(content)
        XCTAssertEqual(
            errors.map(\.message).sorted(),
            [
                "« digest » de « lettres » : la liste « lettre_sections » de site.yml nomme « anonces », qui n'est pas une section de la lettre : vouliez-vous écrire « annonces » ?",
                "« digest » de « lettres » : la section « annonces » manque à la liste « lettre_sections » de site.yml (champ « sans »), un numéro ne pourrait pas la laisser de côté",
            ], errors.map(\.formatted).joined(separator: "\n"))
        for error in errors {
            XCTAssertTrue(error.file.hasSuffix("collections.yml"), error.formatted)
            XCTAssertEqual(error.line, skipLine, error.formatted)
        }

        // Once the list names the sections, the site builds.
        try (try String(contentsOf: site, encoding: .utf8)).replacingOccurrences(of: "anonces:", with: "annonces:")
            .write(to: site, atomically: true, encoding: .utf8)
        var report = BuildReport()
        let templates = content.deletingLastPathComponent().appendingPathComponent("templates").path
        XCTAssertNotNil(
            Builder(options: BuildOptions(content: content.path, templates: templates, today: today)).check(report: &report),
            report.diagnostics.items.map(\.formatted).joined(separator: "\n"))
    }
}
