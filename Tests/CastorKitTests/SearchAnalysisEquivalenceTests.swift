import Foundation
import XCTest

@testable import CastorKit

/// The search analysis counts words by their bytes in a `WordTable` shared by a run of
/// documents (issue 15); each document's terms, counts, fields, length and excerpt are still
/// what the old per-document definition (`FastPathReference.analyse`) gives.
final class SearchAnalysisEquivalenceTests: XCTestCase {
    /// French words whose stems meet (`financement`, `financer`), stop words, one-letter
    /// words, plurals, ligatures, accents written both ways, digits, placeholders.
    static let words = [
        "financement", "Financer", "financements", "coopérative", "coope\u{301}ration", "COOPÉRATIVES", "logement", "logements", "le", "La",
        "l'habitat", "d'Œuvre", "x", "a", "chevaux", "naturelle", "naturelles", "été", "e\u{301}te\u{301}", "2026", "3ᵉ", "ﬁn", "straße",
        "[contact masqué]", "[masqué]", "contact@exemple.org", "06 12 34 56 78", "Anticonstitutionnellement", "habitat-participatif",
    ]

    static let htmlParts = ["<p>", "</p>", "<em>", "</em>", "<h2>", "</h2>", "&amp;", "&#64;", "&nbsp;", "<a href=\"x\">", "</a>", " ", "\n", "<br />"]

    static func text(_ random: inout SplitMix, pieces: Int, html: Bool = false) -> String {
        let parts = words + FastPathEquivalenceTests.pieces + (html ? htmlParts : [])
        return (0..<Int(random.next() % UInt64(pieces + 1))).map { _ in parts[Int(random.next() % UInt64(parts.count))] }.joined(separator: " ")
    }

    static func documents(count: Int, seed: UInt64) -> [SearchIndex.Document] {
        var random = SplitMix(seed: seed)
        return (0..<count).map { number in
            func list(_ most: Int) -> [String] { (0..<Int(random.next() % UInt64(most + 1))).map { _ in text(&random, pieces: 4) } }
            return SearchIndex.Document(
                type: 0, title: text(&random, pieces: 6), path: "fiches/\(number)/", summary: text(&random, pieces: 20), headings: list(3),
                labels: list(3), attachments: list(2), html: text(&random, pieces: number % 7 == 0 ? 400 : 60, html: true), meta: "",
                themes: [], regions: [], placeholder: number % 3 == 0 ? "[masqué]" : nil)
        }
    }

    /// Each document's terms as the run's postings give them: term → (count, fields).
    static func perDocument(_ analysis: SearchIndex.Analysis, first: Int, count: Int) -> [[String: [Float]]] {
        var result = [[String: [Float]]](repeating: [:], count: count)
        for (term, list) in zip(analysis.terms, analysis.postings) {
            for posting in list { result[Int(posting.doc) - first][term] = [posting.count, Float(posting.fields)] }
        }
        return result
    }

    func check(_ documents: [SearchIndex.Document], first: Int, file: StaticString = #filePath, line: UInt = #line) {
        let analysis = SearchIndex.analyse(documents[...], from: first)
        XCTAssertEqual(Set(analysis.terms).count, analysis.terms.count, "each term once in a run", file: file, line: line)
        for list in analysis.postings {
            XCTAssertFalse(list.isEmpty, file: file, line: line)
            XCTAssertEqual(list.map(\.doc), list.map(\.doc).sorted(), "postings in document order", file: file, line: line)
            XCTAssertEqual(Set(list.map(\.doc)).count, list.count, "one posting per document", file: file, line: line)
        }
        let terms = Self.perDocument(analysis, first: first, count: documents.count)
        XCTAssertEqual(analysis.lengths.count, documents.count, file: file, line: line)
        for (number, doc) in documents.enumerated() {
            let expected = FastPathReference.analyse(doc)
            XCTAssertEqual(terms[number], expected.terms.mapValues { [$0.count, Float($0.fields)] }, "document \(number)", file: file, line: line)
            XCTAssertEqual(analysis.lengths[number], expected.length, "document \(number)", file: file, line: line)
            XCTAssertEqual(Array(analysis.shown[number].title.utf8), Array(expected.title.utf8), file: file, line: line)
            XCTAssertEqual(Array(analysis.shown[number].excerpt.utf8), Array(expected.excerpt.utf8), file: file, line: line)
        }
    }

    func testRunsOfRandomDocumentsGiveTheTermsOfTheirDefinition() {
        for seed in 0..<6 {
            let documents = Self.documents(count: SearchIndex.analysisRun, seed: 100 + UInt64(seed))
            check(documents, first: seed * 1000)
        }
        check(Self.documents(count: 1, seed: 99), first: 0)
        check([], first: 0)
    }

    /// Documents of odd texts alone (the pieces of the other fast path tests).
    func testOddTextsGiveTheTermsOfTheirDefinition() {
        let texts = FastPathEquivalenceTests.randomTexts(count: 2_000, seed: 13, maxPieces: 16) + ["", " ", "a", "Le", "ﬁ", "\u{301}"]
        let documents = texts.enumerated().map { number, text in
            SearchIndex.Document(
                type: 0, title: number % 2 == 0 ? text : "", path: "", summary: number % 3 == 0 ? text : "", headings: [text], labels: [],
                attachments: number % 5 == 0 ? [text, text] : [], html: text, meta: "", themes: [], regions: [],
                placeholder: number % 4 == 0 ? "[masqué]" : nil)
        }
        for first in stride(from: 0, to: documents.count, by: SearchIndex.analysisRun) {
            check(Array(documents[first..<min(first + SearchIndex.analysisRun, documents.count)]), first: first)
        }
    }

    /// More distinct words than the word table first holds (it grows), and long words.
    func testManyDistinctWordsGiveTheTermsOfTheirDefinition() {
        var random = SplitMix(seed: 14)
        let letters = Array("abcdefghijklmnopqrstuvwxyzéèœ0".unicodeScalars)
        func word() -> String {
            String(String.UnicodeScalarView((0..<(1 + Int(random.next() % 12))).map { _ in letters[Int(random.next() % UInt64(letters.count))] }))
        }
        let documents = (0..<3).map { number in
            SearchIndex.Document(
                type: 0, title: word(), path: "", summary: "", headings: [], labels: [], attachments: [],
                html: (0..<12_000).map { _ in word() }.joined(separator: number == 1 ? "-" : " ") + " " + String(repeating: "ab", count: 300),
                meta: "", themes: [], regions: [], placeholder: nil)
        }
        check(documents, first: 7)
    }

    func testTheWordTableGivesBackWhatWasAdded() {
        var table = WordTable(capacity: 1)
        var random = SplitMix(seed: 15)
        var expected: [String: Int32] = [:]
        for number in 0..<5_000 {
            var word = String(random.next() % 3_000, radix: 36)
            if number % 7 == 0 { word += String(repeating: "z", count: Int(random.next() % 80)) }
            let bytes = Array(word.utf8)
            let found = bytes.withUnsafeBufferPointer { table.value(of: $0) }
            XCTAssertEqual(found, expected[word], word)
            if found == nil {
                expected[word] = Int32(number)
                bytes.withUnsafeBufferPointer { table.add($0, Int32(number)) }
            }
        }
        XCTAssertEqual(table.count, expected.count)
        for (word, value) in expected {
            XCTAssertEqual(Array(word.utf8).withUnsafeBufferPointer { table.value(of: $0) }, value, word)
        }
        XCTAssertNil(Array("absent!".utf8).withUnsafeBufferPointer { table.value(of: $0) })
    }

    func testJSONStringsMatchTheirDefinition() {
        var texts: [String] = []
        for value in Array(0..<0x300) + Array(0x2000..<0x2100) + [0xFFFD, 0x1F600] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            texts += [String(Character(scalar)), "a" + String(Character(scalar)) + "\u{2028}b\u{2029}"]
        }
        texts += ["", "\u{E2}\u{80}", "\r\n", "</script>", "\u{2027}\u{202A}\u{20A8}"]
        texts += FastPathEquivalenceTests.randomTexts(count: 5_000, seed: 16, maxPieces: 12)
        for text in texts {
            XCTAssertEqual(Array(JSONText.string(text).utf8), Array(FastPathReference.jsonString(text).utf8), text.debugDescription)
        }
        XCTAssertEqual(JSONText.string("a<\u{1}\u{2028}"), "\"a\\u003c\\u0001\\u2028\"")
    }

    func testTermPostingsMatchTheirDefinition() {
        var random = SplitMix(seed: 17)
        for count in [0, 1, 2, 5, 40, 300] {
            for _ in 0..<200 {
                var doc: Int32 = 0
                let list = (0..<count).map { _ -> (doc: Int32, score: Float) in
                    // Gaps of every size: 0 (the first document), one group, several groups.
                    doc += Int32(random.next() % [1, 32, 1024, 40_000, 3_000_000][Int(random.next() % 5)])
                    return (doc, Float(random.next() % 10_000) / 97)
                }
                let term = Self.words[Int(random.next() % UInt64(Self.words.count))]
                XCTAssertEqual(SearchIndex.encodeTerm(term, list), FastPathReference.encodeTerm(term, list), "\(list)")
            }
        }
        XCTAssertEqual(SearchIndex.encodeTerm("a", [(0, 1), (33, 2)]), "\"a\",2,\"AghB_\"")
    }

    /// Long texts of scalars below U+0300 (excerpts counted in scalars), some with one scalar
    /// that is not (a combining mark, CR LF, a ligature, an Arabic prepended mark: counted in
    /// characters), around the lengths where the excerpt is cut.
    func testExcerptsMatchTheirDefinition() {
        var random = SplitMix(seed: 18)
        let simple = ["coopérative", "habitat", "œuvre", " ", " ", "  ", "\n", "\t", "\u{A0}", "é", "ǅ", "©", "\u{85}", "a", "Z", "2026", "ß", "«", "»", "\u{1}",
            // Long words: the last space may come before or after half of the excerpt.
            String(repeating: "x", count: 70), String(repeating: "é", count: 150)]
        let odd = ["e\u{301}", "\r\n", "\r", "ﬁ", "\u{600}", "\u{2028}", "\u{300}", "\u{1F600}", "\u{200D}"]
        for round in 0..<4_000 {
            func text(_ pieces: Int) -> String { (0..<pieces).map { _ in simple[Int(random.next() % UInt64(simple.count))] }.joined() }
            var summary = text(Int(random.next() % 60))
            var body = text(Int(random.next() % 300))
            if round % 3 == 0 {
                let piece = odd[Int(random.next() % UInt64(odd.count))]
                if round % 2 == 0 {
                    let at = summary.unicodeScalars.index(summary.unicodeScalars.startIndex, offsetBy: Int(random.next() % UInt64(summary.unicodeScalars.count + 1)))
                    summary.unicodeScalars.insert(contentsOf: piece.unicodeScalars, at: at)
                } else {
                    let at = body.unicodeScalars.index(body.unicodeScalars.startIndex, offsetBy: Int(random.next() % UInt64(body.unicodeScalars.count + 1)))
                    body.unicodeScalars.insert(contentsOf: piece.unicodeScalars, at: at)
                }
            }
            let summaryText = SearchText.clean(summary)
            XCTAssertEqual(
                Array(SearchIndex.excerpt(summary: summaryText, body: body).utf8), Array(SearchIndex.excerptOfAnyText(summary: summaryText, body: body).utf8),
                "\(summaryText.debugDescription) \(body.debugDescription)")
        }
        // Exactly at the limits: 280 characters (kept whole), 281 (cut at the last space).
        let words = String(repeating: "abcd ", count: 56)
        XCTAssertEqual(SearchIndex.excerpt(summary: "", body: String(words.dropFirst().dropLast()) + "é"), String(words.dropFirst().dropLast()) + "é")
        XCTAssertEqual(SearchIndex.excerpt(summary: "", body: words + "é"), String(words.dropLast()) + " …")
        // Cut at the last space only when it leaves more than half of the excerpt.
        let long = String(repeating: "y", count: 300)
        XCTAssertEqual(SearchIndex.excerpt(summary: "", body: String(repeating: "a", count: 100) + " " + long), String(repeating: "a", count: 100) + " " + String(repeating: "y", count: 179) + " …")
        XCTAssertEqual(SearchIndex.excerpt(summary: "", body: String(repeating: "a", count: 150) + " " + long), String(repeating: "a", count: 150) + " …")
        XCTAssertNil(SearchIndex.excerptOfSimpleText(summary: "", body: "e\u{301}"))
        XCTAssertNotNil(SearchIndex.excerptOfSimpleText(summary: "é", body: "« été »"))
    }
}
