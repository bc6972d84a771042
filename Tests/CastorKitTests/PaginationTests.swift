import Foundation
import XCTest

@testable import CastorKit

/// A long listing's pages link to the first and last pages and to the neighbours of the
/// current one, with « … » where pages are left out: not to every page (on 334 pages of
/// fiches, every page linked to the 333 others).
final class PaginationTests: XCTestCase {
    func testTheWindowKeepsTheEndsAndTheNeighbours() {
        XCTAssertEqual(Listing.pageWindow(current: 10, count: 20), [1, nil, 8, 9, 10, 11, 12, nil, 20])
        XCTAssertEqual(Listing.pageWindow(current: 1, count: 20), [1, 2, 3, nil, 20])
        XCTAssertEqual(Listing.pageWindow(current: 20, count: 20), [1, nil, 18, 19, 20])
        // A single page left out is shown rather than « … ».
        XCTAssertEqual(Listing.pageWindow(current: 5, count: 20), [1, 2, 3, 4, 5, 6, 7, nil, 20])
        XCTAssertEqual(Listing.pageWindow(current: 4, count: 8), [1, 2, 3, 4, 5, 6, 7, 8])
        XCTAssertEqual(Listing.pageWindow(current: 1, count: 2), [1, 2])
        XCTAssertEqual(Listing.pageWindow(current: 1, count: 1), [1])
        for count in 1...40 {
            for current in 1...count {
                let window = Listing.pageWindow(current: current, count: count)
                let numbers = window.compactMap { $0 }
                XCTAssertEqual(numbers, numbers.sorted(), "\(current)/\(count)")
                XCTAssertEqual(Set(numbers).count, numbers.count)
                XCTAssertTrue(numbers.contains(1) && numbers.contains(count) && numbers.contains(current))
                XCTAssertLessThanOrEqual(window.count, 9, "a window never grows with the number of pages")
                // « … » stands for two pages or more, never at an end, never twice in a row.
                for (index, slot) in window.enumerated() where slot == nil {
                    let before = window[index - 1]!, after = window[index + 1]!
                    XCTAssertGreaterThan(after - before, 2, "\(current)/\(count): \(window)")
                }
            }
        }
    }

    /// The fixture's two published fiches, twelve more, one per page: page 6 of 14 as a visitor gets it.
    func testALongListingShowsAWindowOfPagesEachLeadingToAPage() throws {
        let content = try temporaryContent(self)
        let declarations = content.appendingPathComponent("collections.yml")
        let yaml = try String(contentsOf: declarations, encoding: .utf8)
        try yaml.replacingOccurrences(of: "    latest: 6\n", with: "    latest: 6\n    pagination: 1\n")
            .write(to: declarations, atomically: true, encoding: .utf8)
        for number in 1...12 {
            let text = """
                ---
                title: Fiche de remplissage \(number)
                summary: Une fiche de plus pour la pagination.
                updated: 2026-02-\(String(format: "%02d", number))
                themes: [gouvernance]
                ---
                Texte.
                """
            try text.write(to: content.appendingPathComponent("fiches/boite-a-outils/remplissage-\(number).md"), atomically: true, encoding: .utf8)
        }
        let folder = content.deletingLastPathComponent()
        let options = BuildOptions(
            content: content.path, templates: folder.appendingPathComponent("templates").path,
            output: folder.appendingPathComponent("site").path, today: LocalDate(iso: "2026-11-23")!)
        // The build refuses a site whose pages link to a page it does not have.
        let report = Builder(options: options).build()
        XCTAssertFalse(report.diagnostics.hasErrors, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))

        let site = folder.appendingPathComponent("site")
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("fiches/page").path)
        XCTAssertEqual(pages.count, 13, "14 fiches, one per page: pages 2 to 14")
        let html = try String(contentsOf: site.appendingPathComponent("fiches/page/6/index.html"), encoding: .utf8)
        let start = try XCTUnwrap(html.range(of: "<nav class=\"pagination\""))
        let end = try XCTUnwrap(html.range(of: "</nav>", range: start.upperBound..<html.endIndex))
        let navigation = String(html[start.lowerBound..<end.upperBound])
        let links = navigation.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(
            links,
            ["../../../fiches/page/5/", "../../../fiches/", "../../../fiches/page/4/", "../../../fiches/page/5/", "../../../fiches/page/6/",
             "../../../fiches/page/7/", "../../../fiches/page/8/", "../../../fiches/page/14/", "../../../fiches/page/7/"],
            "previous, 1, …, 4 to 8, …, 14, next")
        XCTAssertEqual(navigation.components(separatedBy: "<li class=\"pagination-saut\" aria-hidden=\"true\">…</li>").count - 1, 2)
        XCTAssertTrue(navigation.contains("href=\"../../../fiches/page/6/\" aria-current=\"page\""), navigation)
    }
}
