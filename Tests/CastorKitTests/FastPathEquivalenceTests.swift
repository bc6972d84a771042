import Foundation
import XCTest

@testable import CastorKit

/// The byte-level fast paths of the Markdown step and of the search analysis (issue 15) give,
/// on every input, what their plain definitions (`FastPathReference`) give: on odd inputs
/// written out (percent escapes, `..`, anchors and queries, non-ASCII names, combining marks
/// joined to a `/`, a `.` or a `:`) and on random texts made of such pieces.
final class FastPathEquivalenceTests: XCTestCase {
    /// Pieces of paths, addresses and texts: separators, dots, escapes, schemes, letters with
    /// and without accents, combining marks, a prepended mark (U+0600), spaces of all kinds.
    static let pieces = [
        "a", "Z", "0", "9", "x", "fiche", "é", "e\u{301}", "\u{301}", "\u{600}", "ﬁ", "œ", "İ", "K", "/", "/", "//", ".", "..", "../",
        "./", "%", "%20", "%C3%A9", "%zz", "%4", "%40", ":", "#", "?", "+", "-", "_", "@", " ", "\t", "\u{A0}", "\u{202F}", "\u{2028}",
        "\r\n", "\n", "&amp;", "&", "<", ">", "\"", "mailto:", "MailTo:", "tel:", "https:", "https://", "index.md", ".md",
        "06 12 34 56 78", "contact@exemple.org", "[contact masqué]",
    ]

    static func randomTexts(count: Int, seed: UInt64, maxPieces: Int = 8) -> [String] {
        var random = SplitMix(seed: seed)
        return (0..<count).map { _ in
            let length = Int(random.next() % UInt64(maxPieces + 1))
            return (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
    }

    static let oddPaths = [
        "", "/", "//", "a", "a/", "/a", "a//b", "a/./b", "a/../b", "../a", "..", ".", "./", ".htaccess", "a/.cache/b", "fiches/x.md",
        "fiches/écolieu.md", "fiches/e\u{301}colieu.md", "a/\u{301}b", "a\u{600}/b", "\u{600}/", "a/.\u{301}/b", "statuts type.odt",
        "http:", "https://exemple.org", "mailto:a@b.fr", "tel:0612345678", "1http:", "a+b-c.d:x", "a_b:c", "é:x", "a:\u{301}b", "a\u{301}:b",
        ":", "#ancre", "?q=1", "a.md?q=1#x", "C:", "\r\n:",
    ]

    func testHasSchemeMatchesItsDefinition() {
        for raw in Self.oddPaths + Self.randomTexts(count: 20_000, seed: 1) {
            XCTAssertEqual(LinkResolver.hasScheme(raw), FastPathReference.hasScheme(raw), "« \(raw.debugDescription) »")
        }
        XCTAssertTrue(LinkResolver.hasScheme("https://exemple.org"))
        XCTAssertTrue(LinkResolver.hasScheme("é:x"), "a Unicode letter starts a scheme, as in the definition")
        XCTAssertFalse(LinkResolver.hasScheme("1http:x"))
        XCTAssertFalse(LinkResolver.hasScheme("../a.md"))
    }

    func testJoinMatchesItsDefinition() {
        let folders = ["", "fiches", "fiches/structures", "a//b", "/a", "a/", "fiches/../x", "./x", "é/e\u{301}"]
        for folder in folders + Self.randomTexts(count: 300, seed: 2, maxPieces: 4) {
            for relative in Self.oddPaths + Self.randomTexts(count: 60, seed: 3) {
                let fast = LinkResolver.join(folder, relative)
                let plain = FastPathReference.join(folder, relative)
                XCTAssertEqual(fast.map { Array($0.utf8) }, plain.map { Array($0.utf8) }, "\(folder.debugDescription) + \(relative.debugDescription)")
            }
        }
        XCTAssertEqual(LinkResolver.join("fiches/a", "b/c.md"), "fiches/a/b/c.md")
        XCTAssertEqual(LinkResolver.join("fiches/a", "../b/c.md"), "fiches/b/c.md")
        XCTAssertNil(LinkResolver.join("fiches", "../../etc/passwd"))
    }

    func testRelativeMatchesItsDefinition() {
        let pages = ["", "fiches/", "fiches/a/scic/", "a/b", "é/", "e\u{301}/", "a//b/"]
        for page in pages + Self.randomTexts(count: 200, seed: 4, maxPieces: 4) {
            for target in Self.oddPaths + pages + Self.randomTexts(count: 100, seed: 5) {
                XCTAssertEqual(
                    Array(URLPaths.relative(from: page, to: target).utf8), Array(FastPathReference.relative(from: page, to: target).utf8),
                    "\(page.debugDescription) → \(target.debugDescription)")
            }
        }
    }

    /// The percent decoding is skipped when there is no `%`: Foundation gives such a text back
    /// unchanged, byte for byte (no normalisation, even of decomposed accents).
    func testDecodingWithoutPercentGivesTheTextBack() {
        for text in Self.oddPaths + Self.randomTexts(count: 20_000, seed: 6) where !text.contains("%") {
            XCTAssertEqual(Array(FastPathReference.decoded(text).utf8), Array(text.utf8), text.debugDescription)
        }
        XCTAssertEqual(URLPaths.percentDecoded("a%20b"), "a b")
        XCTAssertEqual(URLPaths.percentDecoded("a%zzb"), "a%zzb", "an invalid escape leaves the text as it is")
    }

    func testLinksWithEscapesDotsQueriesAndAccentsResolveAsBefore() throws {
        let fiche = try entry(TestCollections.fiches, yaml: "title: S\nsummary: s\nupdated: 2026-01-01\n", group: "structures-juridiques", slug: "scic")
        let resolver = LinkResolver(
            targets: [
                "fiches/structures-juridiques/écolieu.md": .init(url: "fiches/structures-juridiques/ecolieu/", isPublished: true, fallbackURL: "fiches/"),
                "fiches/boite-a-outils/kit/index.md": .init(url: "fiches/boite-a-outils/kit/", isPublished: true, fallbackURL: "fiches/"),
            ], assets: ["fiches/structures-juridiques/statuts type.odt", "fiches/structures-juridiques/plan été.pdf"])
        let at = SourcePosition(line: 1, column: 1)
        func replaced(_ raw: String) -> String? {
            if case .replace(let url) = resolver.resolve(raw, from: fiche, at: at) { return url }
            return nil
        }
        XCTAssertEqual(replaced("statuts%20type.odt?version=2#page"), "../statuts%20type.odt?version=2#page")
        XCTAssertEqual(replaced("plan été.pdf"), "../plan%20%C3%A9t%C3%A9.pdf")
        XCTAssertEqual(replaced("plan%20%C3%A9t%C3%A9.pdf"), "../plan%20%C3%A9t%C3%A9.pdf")
        XCTAssertEqual(replaced("écolieu.md#statuts"), "../ecolieu/#statuts")
        XCTAssertEqual(replaced("./../structures-juridiques/./écolieu.md"), "../ecolieu/")
        XCTAssertEqual(replaced("../boite-a-outils/kit/?q=1"), "../../boite-a-outils/kit/?q=1")
        XCTAssertEqual(replaced("../boite-a-outils/kit"), "../../boite-a-outils/kit/")
        guard case .problem(let escape) = resolver.resolve("../../../x.md", from: fiche, at: at) else { return XCTFail() }
        XCTAssertTrue(escape.message.contains("sort du dossier de contenu"))
        guard case .problem(let bad) = resolver.resolve("plan%zz.pdf", from: fiche, at: at) else { return XCTFail() }
        XCTAssertTrue(bad.message.contains("introuvable"))
    }

    func testReplacingAllMatchesItsDefinition() {
        let lists: [[(String, String)]] = [
            MarkdownRenderer.postProcessReplacements,
            [(ContactMask.placeholder, " ")],
            [(ContactMask.placeholder, " "), ("[masqué]", " ")],
            [("a", "b"), ("ab", "X"), ("", "vide"), ("/", "")],
            [("é", "e"), ("e\u{301}", "e"), (" ", "\u{A0}")],
            [(":", " :"), ("//", "/")],
        ]
        let texts = Self.oddPaths + Self.randomTexts(count: 3_000, seed: 7, maxPieces: 20) + [
            "<p align=\"left\">x</p> <td align=\"center\">", "<input type=\"checkbox\" disabled=\"\" />", "a", " ",
        ]
        for list in lists {
            for text in texts {
                XCTAssertEqual(Array(TextReplace.replacingAll(text, list).utf8), Array(FastPathReference.replacingAll(text, list).utf8), text.debugDescription)
            }
        }
    }

    func testCollapseMatchesItsDefinition() {
        let texts = Self.randomTexts(count: 5_000, seed: 8, maxPieces: 12) + ["", " ", " a ", "\u{85}a\u{2003}b\u{3000}", "e\u{301} \u{301}"]
        for text in texts {
            XCTAssertEqual(Array(SearchText.collapse(text).utf8), Array(FastPathReference.collapse(text).utf8), text.debugDescription)
            let middle = text.dropFirst()
            XCTAssertEqual(Array(SearchText.collapse(middle).utf8), Array(FastPathReference.collapse(middle).utf8), text.debugDescription)
        }
    }

    func testInlineTagsMatchTheirDefinition() {
        let tags = ["a", "A", "em", "/em", "EM", "strong", "/Strong", "span class=\"x\"", "spans", "b", "br", "i", "img", "/", "", "kbd", "h2", "mark", "abbr",
            "s", "code", "del", "p", "stronger", "é"]
        for tag in tags {
            var text = "<" + tag + ">"
            text.withUTF8 { bytes in
                XCTAssertEqual(
                    SearchText.isInlineTag(bytes, from: 1, to: bytes.count - 1), FastPathReference.isInlineTag(bytes, from: 1, to: bytes.count - 1), tag)
            }
        }
    }

    func testContactLinksMatchTheirDefinition() {
        let tags = [
            "<a href=\"mailto:marie@exemple.org\">", "<a href=\"MAILTO:marie%40exemple.org?subject=x\">", "<a href=\"tel:+33%206%2012%2034%2056%2078\">",
            "<a href=\"https://exemple.org/?a=1&amp;mail=marie%40exemple.org\">", "<a href=\"https://exemple.org/0612345678\">",
            "<a href=\"https://exemple.org/%zz0612345678\">", "<a href=\"../fiches/x-0853/\">", "<a href=\"../fiches/été-0853/\" title=\"Été\">",
            "<a title=\"0\" href=\"mailto:é@exemple.org\">", "<a href=\"mailto:a@b.fr\"\u{301}>", "<a href=\"tel:0612345678", "<a name=\"x0\">",
            "<a \u{301}href=\"mailto:a@b.fr\">", "<abbr title=\"0\">", "<a href=\"\">",
        ]
        for tag in tags + Self.randomTexts(count: 3_000, seed: 9).map({ "<a href=\"" + $0 + "\">" }) {
            let fast = ContactMask.contactLink(tag)
            let plain = FastPathReference.contactLink(tag)
            XCTAssertEqual(fast?.contact.utf8.map { $0 }, plain?.contact.utf8.map { $0 }, tag.debugDescription)
            XCTAssertEqual(fast?.kind, plain?.kind, tag.debugDescription)
        }
    }

    func testMaskedHTMLMatchesItsDefinition() {
        var random = SplitMix(seed: 10)
        let parts = [
            "<p>", "</p>", "<a href=\"mailto:marie@exemple.org\">", "<a href=\"../x-0853/\">", "</a>", "écrire à marie@exemple.org",
            "au 06 12 34 56 78", "en 2026", "+33 6 12 34 56 78", "<img src=\"p0.jpg\" alt=\"06 12 34 56 78\" />", "texte", " ", "<a href=\"tel:0612345678\">",
            "appeler", "%40", "&amp;", "<", ">", "0", "+", "@", "é", "\u{301}", "<a \u{301}href=\"mailto:a@b.fr\">", "Vend. 07 99 88 77 66",
        ]
        let documents = (0..<3_000).map { _ in
            (0..<Int(random.next() % 14)).map { _ in parts[Int(random.next() % UInt64(parts.count))] }.joined()
        }
        for html in documents {
            for literal in [[], ["07 99 88 77 66"], ["marie@exemple.org"]] {
                XCTAssertEqual(
                    Array(ContactMask.maskHTML(html, literal: literal).utf8), Array(FastPathReference.maskHTML(html, literal: literal).utf8),
                    "\(html.debugDescription) \(literal)")
            }
        }
    }

    /// Every scalar of Latin-1 and Latin Extended A and B (read from the packed table) and
    /// beyond (read through `fold`), alone, inside a word and between words; then random texts
    /// with accents, ligatures, combining marks and long words (the word buffer grows).
    func testWordsMatchTheirDefinition() {
        var texts: [String] = []
        for value in 0..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = String(Character(scalar))
            texts += [character, "ab" + character + "cd", "Ab " + character + " Œuvre"]
        }
        texts += ["Éco-lieu, cœur d'Œuvre : ÆTHER straße ﬁn ﬂeur e\u{301}te\u{301} İstanbul Ǆ ǅ 3ᵉ 2²", String(repeating: "Anticonstitutionnellement", count: 40)]
        texts += Self.randomTexts(count: 5_000, seed: 11, maxPieces: 16)
        for text in texts {
            XCTAssertEqual(FrenchAnalyzer.words(text), FastPathReference.words(text), text.debugDescription)
        }
        XCTAssertEqual(FrenchAnalyzer.words("Cœur d'Éco-LIEU"), ["coeur", "d", "eco", "lieu"])
    }

    func testFirstMatchesMatchTheirDefinition() {
        let texts = ["", "a", "aa", "<img", "<img ", "x<img y", "<a href=\"", "éé"] + Self.randomTexts(count: 3_000, seed: 13, maxPieces: 30)
        let patterns = ["", "a", "<", "<img ", "<a href=\"", "é", "%20", "//", "&amp;", "\r\n", "contact@exemple.org", "\u{301}"]
        for text in texts {
            let bytes = Array(text.utf8)
            for pattern in patterns {
                let needle = Array(pattern.utf8)
                for start in Set([0, 1, bytes.count / 2, max(0, bytes.count - 1), bytes.count]) {
                    let found = bytes.withUnsafeBufferPointer { haystack in
                        needle.withUnsafeBufferPointer { TextReplace.firstMatch(haystack, $0, from: start) }
                    }
                    XCTAssertEqual(found, FastPathReference.firstMatch(bytes, needle, from: start), "\(text.debugDescription) \(pattern.debugDescription) \(start)")
                }
            }
        }
    }

    func testSourceLinesMatchTheirDefinition() {
        var texts = ["", "\n", "\n\n", "a", "a\n", "\na", "a\r\nb\r\n", "é\ne\u{301}\n\u{301}x", "---\ntitle: Écolieu\n---\n"]
        texts += Self.randomTexts(count: 5_000, seed: 12, maxPieces: 24)
        for text in texts {
            let lines = SourceLines(text)
            XCTAssertEqual(lines.lines, FastPathReference.lines(text), text.debugDescription)
            for line in 0...(lines.lines.count + 1) {
                XCTAssertEqual(lines[line], line >= 1 && line <= lines.lines.count ? lines.lines[line - 1].trimmingSuffix("\r") : nil)
            }
        }
        let lines = SourceLines("title: a\nrésumé: « Coopérative » e\u{301}t\u{E9}\r\nfin")
        XCTAssertEqual(lines.column(line: 2, utf8Column: 10), 8)
        XCTAssertEqual(lines.column(line: 2, scalarColumn: 10), 10)
        XCTAssertEqual(lines[2]?.hasSuffix("\u{E9}"), true)
    }
}

extension FastPathEquivalenceTests {
    /// Heading ids and slugs: ASCII taken as it is gives what folding every scalar gave, with
    /// upper case, ligatures, letters without a decomposition, combining marks and blanks.
    func testSlugMatchesItsDefinition() {
        let texts = Self.oddPaths + Self.randomTexts(count: 20_000, seed: 12, maxPieces: 12) + [
            "Première partie : l'Œuvre « Coopérative » — 2024", "SCI d'attribution", "ÆØÅ ß Ðþ ı ﬃ", "--a--", "A\u{301}B", "\u{1F3E0} maison",
        ]
        for text in texts {
            XCTAssertEqual(Slug.make(text), FastPathReference.slug(text), text.debugDescription)
        }
        XCTAssertEqual(Slug.make("Première partie : l'Œuvre — 2024"), "premiere-partie-l-oeuvre-2024")
    }

    /// A heading's plain text is trimmed of blanks as Foundation trims them, fast path or not.
    func testTrimmedMatchesFoundation() {
        let texts = Self.oddPaths + Self.randomTexts(count: 20_000, seed: 13) + ["\u{A0}a", "a\u{2003}", "\t a \t", " ", "\u{301}a"]
        for text in texts {
            XCTAssertEqual(MarkdownRenderer.trimmed(text), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast() : self }
}
