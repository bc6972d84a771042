import Foundation
import XCTest

@testable import CastorKit

final class FrenchAnalyzerTests: XCTestCase {
    /// The same file pins the browser's analyzer (tests/e2e/test_search_browser.py).
    func testSharedStemmingVector() throws {
        let url = EndToEndTests.fixtures.appendingPathComponent("stemming.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertGreaterThan(lines.count, 80)
        for line in lines {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            XCTAssertEqual(columns.count, 2, String(line))
            XCTAssertEqual(FrenchAnalyzer.terms(String(columns[0])).joined(separator: " "), String(columns[1]), String(columns[0]))
        }
    }

    func testFoldsCaseAccentsLigaturesAndElisions() {
        XCTAssertEqual(FrenchAnalyzer.words("L’École d'Œuvre à Noël"), ["l", "ecole", "d", "oeuvre", "a", "noel"])
        XCTAssertEqual(FrenchAnalyzer.terms("l'habitat"), ["habitat"])
        XCTAssertEqual(FrenchAnalyzer.terms("les des de du la le"), [])
        XCTAssertEqual(FrenchAnalyzer.words("a\u{00A0}b·c—d"), ["a", "b", "c", "d"])
        XCTAssertEqual(FrenchAnalyzer.words("Ελλάδα x"), ["x"], "letters outside a-z separate words, as in the browser")
    }

    func testRequiredConflations() {
        func same(_ a: String, _ b: String) { XCTAssertEqual(FrenchAnalyzer.terms(a), FrenchAnalyzer.terms(b), "\(a) / \(b)") }
        same("cooperative", "coopérative")
        same("ecole", "École")
        same("logements", "logement")
        same("financer", "financement")
        same("coopératives", "coopération")
        XCTAssertNotEqual(FrenchAnalyzer.stem("logique"), FrenchAnalyzer.stem("logement"))
    }
}

final class SearchTextTests: XCTestCase {
    func testHTMLBecomesTextWithoutContacts() {
        let html = ContactMask.maskHTML(
            "<h2 id=\"x\">Contact</h2><p>Écrire à <a href=\"mailto:marie@groupe.fr\">marie@groupe.fr</a> ou au 06 12 34 56 78 &amp; <em>vite</em>.</p><p>Fin<sup class=\"footnote-ref\"><a href=\"#fn-1\">1</a></sup></p>")
        let text = SearchText.fromHTML(html)
        for leak in ["marie", "groupe.fr", "06", "12 34", "&#"] { XCTAssertFalse(text.contains(leak), "\(leak) in \(text)") }
        XCTAssertTrue(SearchText.collapse(text).contains("Écrire à [contact masqué] ou au [contact masqué]"), text)
        XCTAssertEqual(SearchText.collapse(SearchText.withoutPlaceholders(text)).prefix(21), "Contact Écrire à ou a")
        XCTAssertTrue(text.contains("& vite"))
        XCTAssertTrue(text.contains("Fin 1"), "a footnote mark does not glue to the word")
        XCTAssertEqual(SearchText.clean("Tél. 06 12 34 56 78, mail a@b.fr "), "Tél. [contact masqué], mail [contact masqué]")
    }
}

final class SearchIndexTests: XCTestCase {
    func site() throws -> Site {
        let options = BuildOptions(
            content: EndToEndTests.fixtures.appendingPathComponent("site/content").path,
            templates: EndToEndTests.repository.appendingPathComponent("templates").path, today: LocalDate(iso: "2026-11-23")!)
        var report = BuildReport()
        return try XCTUnwrap(Builder(options: options).check(report: &report)?.site, "\(report.diagnostics)")
    }

    /// Reads back a posting list the way recherche-moteur.js does.
    func decode(_ text: String, scale: Double) -> [(Int, Double)] {
        let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var result: [(Int, Double)] = []
        var chars = Array(text)[...]
        var doc = 0
        while !chars.isEmpty {
            var value = 0
            var digit = digits.firstIndex(of: chars.removeFirst())!
            while digit >= 32 {
                value = value * 32 + digit - 32
                digit = digits.firstIndex(of: chars.removeFirst())!
            }
            doc += value * 32 + digit
            result.append((doc, scale * Double(digits.firstIndex(of: chars.removeFirst())!) / 63))
        }
        return result
    }

    func testPostingsRoundTrip() {
        let list: [(doc: Int32, score: Float)] = [(0, 1), (3, 0.5), (40, 2), (1200, 0.1), (40_000, 2)]
        let encoded = SearchIndex.encodeTerm("scic", list)
        let parts = encoded.split(separator: ",")
        XCTAssertEqual(parts[0], "\"scic\"")
        XCTAssertEqual(parts[1], "2")
        let decoded = decode(String(parts[2].dropFirst().dropLast()), scale: 2)
        XCTAssertEqual(decoded.map(\.0), [0, 3, 40, 1200, 40_000])
        for (got, want) in zip(decoded.map(\.1), list.map(\.score)) { XCTAssertEqual(got, Double(want), accuracy: 2.0 / 63) }
    }

    func testShardsSplitOnlyWhenTooBig() {
        func shards(_ terms: [(String, Int)]) -> [String: [String]] {
            var result: [String: [String]] = [:]
            let list = terms.map { (term: $0.0, text: String(repeating: "A", count: $0.1)) }.sorted { $0.term < $1.term }
            SearchIndex.split(list[...], key: nil, into: &result)
            return result.mapValues { $0.map { "\($0.count)" } }
        }
        let limit = SearchIndex.shardLimit
        XCTAssertEqual(
            shards([("co", 1), ("coop", limit - 10), ("coor", 3), ("cor", 4), ("scic", 5)]),
            ["co": ["1"], "coo": ["\(limit - 10)", "3"], "cor": ["4"], "sci": ["5"]])
        XCTAssertEqual(
            shards([("coo", 2), ("coop", limit), ("cooper", 7), ("coor", 3)]),
            ["coo": ["2"], "coop": ["\(limit)"], "coope": ["7"], "coor": ["3"]], "a term as long as its split key stays there")
    }

    func testKeysAreFrontCoded() {
        XCTAssertEqual(SearchIndex.frontCoded(["coo", "coop", "cor", "sci", "scic"]), "0coo 3p 2r 0sci 3c")
    }

    func testIndexHoldsPublishedItemsOnlyAndNoContact() throws {
        let site = try site()
        let index = SearchIndex(site: site)
        XCTAssertEqual(index.documentCount, site.collections.reduce(0) { $0 + $1.items.count })
        let all = index.files.map(\.text).joined(separator: "\n")
        let paths = Set(index.files.map(\.path))
        XCTAssertTrue(paths.contains("recherche/index/index.js"))
        XCTAssertTrue(paths.contains("recherche/index/t/sci.js"), "\(paths.sorted())")
        for leak in ["contact@groupe.example.org", "06 12 34 56 78", "0612345678", "groupe.example", "Fiche en cours", "Annonce expir", "\"brouillon\"", "\"expir\""] {
            XCTAssertFalse(all.contains(leak), leak)
        }
        // Masked contacts read as a placeholder in results, which is never indexed.
        XCTAssertTrue(all.contains("écrire à [contact masqué] ou appeler le [contact masqué]"), all)
        let terms = index.files.filter { $0.path.hasPrefix("recherche/index/t/") }.map(\.text).joined()
        XCTAssertFalse(terms.contains("masqu"))
        XCTAssertFalse(terms.contains("\"contact\""))
        // A title's markup stays text, and cannot close a script.
        XCTAssertFalse(all.contains("<em>"))
        XCTAssertTrue(all.contains("Kit portes ouvertes \\u003cem\\u003eJPO\\u003c/em\\u003e"))
        XCTAssertTrue(all.hasPrefix("__castorIndex(\""))
        // Same site, same bytes.
        XCTAssertEqual(SearchIndex(site: site).files.map(\.text), index.files.map(\.text))
    }
}
