import Foundation
import XCTest

@testable import CastorKit

/// The static pages (« À propos », « Mentions légales ») are a collection published from its
/// declaration like any other (issue 12): where they are, whether the footer lists them and
/// their template come from collections.yml, not from code.
final class StaticPagesTests: XCTestCase {
    let today = LocalDate(iso: "2026-11-23")!

    func build(_ content: URL) throws -> (report: BuildReport, output: URL) {
        let output = content.deletingLastPathComponent().appendingPathComponent("site")
        let options = BuildOptions(
            content: content.path, templates: content.deletingLastPathComponent().appendingPathComponent("templates").path,
            output: output.path, today: today)
        let report = Builder(options: options).build()
        XCTAssertTrue(report.succeeded, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        return (report, output)
    }

    func edit(_ url: URL, _ transform: (String) -> String) throws {
        try transform(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    func footer(_ page: URL) throws -> String {
        let html = try String(contentsOf: page, encoding: .utf8)
        let start = try XCTUnwrap(html.range(of: "<footer"))
        return String(html[start.lowerBound...])
    }

    func testTheDeclaredPrefixMovesThePagesAndTheFooterFollows() throws {
        let content = try temporaryContent(self)
        try edit(content.appendingPathComponent("collections.yml")) {
            $0.replacingOccurrences(of: "    prefix: \"\"\n", with: "    prefix: infos\n")
        }
        let (_, output) = try build(content)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("infos/a-propos/index.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("a-propos/index.html").path))
        XCTAssertTrue(try footer(output.appendingPathComponent("index.html")).contains("<a href=\"./infos/a-propos/\">"))
        XCTAssertTrue(try footer(output.appendingPathComponent("fiches/index.html")).contains("<a href=\"../infos/a-propos/\">"))
    }

    func testTheFooterListsTheItemsOfTheCollectionsDeclaredForIt() throws {
        let content = try temporaryContent(self)
        let (_, before) = try build(content)
        XCTAssertTrue(try footer(before.appendingPathComponent("index.html")).contains("a-propos/"))
        try edit(content.appendingPathComponent("collections.yml")) {
            $0.replacingOccurrences(of: "    footer: true\n", with: "    footer: false\n")
        }
        let (_, after) = try build(content)
        XCTAssertFalse(try footer(after.appendingPathComponent("index.html")).contains("a-propos/"), "footer: false leaves the pages out")
        XCTAssertTrue(FileManager.default.fileExists(atPath: after.appendingPathComponent("a-propos/index.html").path), "the page is still published")
    }

    /// A page is found by the search under the type its declaration names.
    func testThePagesGoIntoTheSearchUnderTheirDeclaredLabel() throws {
        let content = try temporaryContent(self)
        let (_, output) = try build(content)
        let index = try String(contentsOf: output.appendingPathComponent("recherche/index/index.js"), encoding: .utf8)
        XCTAssertTrue(index.contains("\"Page\""), index)
        try edit(content.appendingPathComponent("collections.yml")) {
            $0.replacingOccurrences(of: "    search: {label: Page}\n", with: "    search: {label: Informations}\n")
        }
        let (_, renamed) = try build(content)
        let again = try String(contentsOf: renamed.appendingPathComponent("recherche/index/index.js"), encoding: .utf8)
        XCTAssertTrue(again.contains("\"Informations\""), again)
        XCTAssertFalse(again.contains("\"Page\""), again)
    }
}
