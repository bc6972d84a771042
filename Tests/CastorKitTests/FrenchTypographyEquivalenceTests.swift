import Foundation
import XCTest

@testable import CastorKit

/// The fast French typography (issue 15) gives, byte for byte, what the first byte-by-byte one
/// (`FrenchTypographyReference`) gave: on every page of the fixture and of the project's own
/// `content/` (rendered, before typography), on the golden pages, and on random texts made of
/// the pieces the rules look at.
final class FrenchTypographyEquivalenceTests: XCTestCase {
    func checked(content: URL) throws -> Builder.Checked {
        let options = BuildOptions(
            content: content.path, templates: EndToEndTests.repository.appendingPathComponent("templates").path,
            output: FileManager.default.temporaryDirectory.appendingPathComponent("castor-typo-\(UUID().uuidString)").path,
            today: LocalDate(iso: "2026-11-23")!)
        var report = BuildReport()
        return try XCTUnwrap(
            Builder(options: options).check(report: &report), report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
    }

    /// Renders every page of the site (templates only) and compares both typographies on it.
    func assertEveryPageMatches(content: URL, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let checked = try checked(content: content)
        let context = PageContext(site: checked.site)
        var changed = 0
        for job in checked.plan.jobs {
            let raw = PageRenderer.render(job, context: context, templates: checked.templates)
            let fast = FrenchTypography.apply(raw)
            XCTAssertEqual(fast, FrenchTypographyReference.apply(raw), "page \(job.file)", file: file, line: line)
            if fast != raw { changed += 1 }
        }
        XCTAssertGreaterThan(changed, checked.plan.jobs.count / 2, "most pages get a no-break space", file: file, line: line)
        return checked.plan.jobs.count
    }

    func testEveryPageOfTheFixtureMatchesTheReference() throws {
        let pages = try assertEveryPageMatches(content: EndToEndTests.fixtures.appendingPathComponent("site/content"))
        XCTAssertGreaterThan(pages, 30)
    }

    func testEveryPageOfTheProjectContentMatchesTheReference() throws {
        let pages = try assertEveryPageMatches(content: EndToEndTests.repository.appendingPathComponent("content"))
        XCTAssertGreaterThan(pages, 100)
    }

    /// The golden pages are already typeset: both must leave them as they are, the same way.
    func testTheGoldenPagesMatchTheReference() throws {
        let golden = EndToEndTests.fixtures.appendingPathComponent("golden")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: golden, includingPropertiesForKeys: nil))
        var count = 0
        for case let url as URL in files where ["html", "xml", "js"].contains(url.pathExtension) {
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(FrenchTypography.apply(text), FrenchTypographyReference.apply(text), url.path)
            count += 1
        }
        XCTAssertGreaterThan(count, 40)
    }

    /// The pieces the rules look at, and what surrounds them.
    static let pieces: [String] = [
        " ", " ", " ", "  ", ";", ":", "!", "?", "?!", "!!", "«", "»", "« ", " »", "\u{00A0}", "\u{202F}", "&nbsp;", "&nbsp",
        "&amp;", "<p>", "</p>", "<pre>", "</pre>", "<code>", "</code>", "</CODE>", "<Code class=\"x\">", "<script>", "</script>",
        "<style>", "</style>", "<kbd>", "</kbd>", "<samp>", "</samp>", "<textarea>", "</textarea>", "<pre2>", "<coder>",
        "<a href=\"?q=a :b\" title='x ?'>", "<p class=\"a > b\">", "<!-- c ? -->", "<!--", "-->", "<", ">", "/", "</",
        "é", "É", "à", "ß", "œ", "ü", "ñ", "Ω", "€", "%", "‰", "m²", "m³", "m2", "km", "kWh", "h", "ha", "kg", "min", "ans",
        "jours", "mois", "logements", "places", "personnes", "habitants", "hé", "1", "2", "000", "120", "0000", "12 500",
        "a", "Z", "mot", "😀", "👩‍👩‍👧", "\u{2009}", "\u{2007}", "\r\n", "\n", "\t", "\r", ".", ",", ")", "(", "\"", "'",
        "\u{0000}", "\u{00AB}\u{00A0}", "\u{00C2}", "Â", "«\u{202F}",
    ]

    func testRandomTextsMatchTheReference() {
        var random = SplitMix(seed: 15)
        var changed = 0
        for round in 0..<40_000 {
            let length = Int(random.next() % 40)
            var text = ""
            for _ in 0..<length { text += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
            let fast = FrenchTypography.apply(text)
            XCTAssertEqual(fast, FrenchTypographyReference.apply(text), "round \(round): \(text.debugDescription)")
            if fast != text { changed += 1 }
        }
        XCTAssertGreaterThan(changed, 10_000, "the texts exercise the rules")
    }

    func testEdgesMatchTheReference() {
        let cases = [
            "", " ", "«", "»", " »", "« ", "a »", "«a", "1 ", " 1", "1 000", "1 0000", "2 km", "2 kmh", "2 h", "2 hé", "3 m²",
            "<pre>", "<pre> ?", "</pre> ?", "<code>a ?</code> ?", "<CODE>a ?</code> b ?", "<!-- a ? --> b ?", "<!-- a ?",
            "<a title=\"a > b ?\"> c ?", "<a title='unclosed > ?", "x\r\n? y", "x ?\r\n", "a ?!", "a ??x", "a :)", "9 :30",
            "a ; b", "a ;b", "«\u{00A0}a»", "a\u{202F}»", "a&nbsp;»", "«&nbsp;a", ">»", "<b>«</b>a", "😀 ?", "é »", "12 €",
            "12 %", "12 ‰", "5 ans.", "5 ansx", "5 jours", "100 logements", "3 places", "4 personnes", "5 min", "5 mois",
        ]
        for text in cases {
            XCTAssertEqual(FrenchTypography.apply(text), FrenchTypographyReference.apply(text), text.debugDescription)
        }
    }
}

/// A small seeded generator (SplitMix64): the same texts at every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
