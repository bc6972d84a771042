import Foundation
import XCTest

@testable import CastorKit

/// Issue 13: a group that looks for inhabitants names its project in its ad (`project`, a
/// reference field of the ads declared in collections.yml): the ad links to the project, and
/// the project's page lists its ads while they are published.
extension EndToEndTests {
    func testAnAdNamingAProjectIsListedOnTheProjectUntilItExpires() throws {
        let folder = try repositoryWorkspace()
        func build(now: String) throws -> URL {
            let output = "site-" + now
            let result = try run(["build", "--content", "content", "--templates", "templates", "--output", output, "--now", now], in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            return folder.appendingPathComponent(output)
        }
        let site = try build(now: "2026-12-01")
        let ad = try String(contentsOf: site.appendingPathComponent("annonces/lucioles-reze-cherche-habitants/index.html"), encoding: .utf8)
        XCTAssertTrue(ad.contains("<dt>Projet</dt>\n<dd><a href=\"../../projets/les-lucioles-reze/\">Les Lucioles</a></dd>"), ad)
        let project = try String(contentsOf: site.appendingPathComponent("projets/les-lucioles-reze/index.html"), encoding: .utf8)
        XCTAssertTrue(project.contains("<h2>Annonces de ce projet</h2>"), project)
        XCTAssertTrue(project.contains("<a href=\"../../annonces/lucioles-reze-cherche-habitants/\">"), project)

        // After its expiry day the ad is no longer published, nor listed on the project.
        let later = try build(now: "2027-04-01")
        XCTAssertFalse(FileManager.default.fileExists(atPath: later.appendingPathComponent("annonces/lucioles-reze-cherche-habitants/index.html").path))
        let after = try String(contentsOf: later.appendingPathComponent("projets/les-lucioles-reze/index.html"), encoding: .utf8)
        XCTAssertFalse(after.contains("Annonces de ce projet"), after)
    }

    /// A project name that no project has is an error at its line, with the nearest name.
    func testAnAdNamingAnUnknownProjectIsAnError() throws {
        let folder = try repositoryWorkspace()
        let ad = folder.appendingPathComponent("content/annonces/lucioles-reze-cherche-habitants.md")
        let text = try String(contentsOf: ad, encoding: .utf8)
        try text.replacingOccurrences(of: "project: les-lucioles-reze", with: "project: les-lucioles").write(to: ad, atomically: true, encoding: .utf8)
        let result = try run(["check", "--content", "content", "--templates", "templates"], in: folder)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("lucioles-reze-cherche-habitants.md:8:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("les-lucioles-reze"), "the nearest project's name is suggested: \(result.stderr)")
    }
}
