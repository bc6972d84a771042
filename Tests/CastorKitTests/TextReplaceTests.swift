import XCTest

@testable import CastorKit

final class TextReplaceTests: XCTestCase {
    func testReplacesEveryPatternInOnePassFirstListedWins() {
        let replacements = [(" align=\"left\"", " style=\"text-align: left\""), ("ab", "X"), ("abc", "Y"), ("é", "e")]
        XCTAssertEqual(
            TextReplace.replacingAll("<td align=\"left\">abc abab é</td>", replacements),
            "<td style=\"text-align: left\">Xc XX e</td>")
        XCTAssertEqual(TextReplace.replacingAll("rien à changer ici", replacements), "rien à changer ici")
        XCTAssertEqual(TextReplace.replacingAll("", replacements), "")
        XCTAssertEqual(TextReplace.replacingAll("a b", [("", "z"), (" ", "_")]), "a_b", "an empty pattern never matches")
    }

    func testCmarkOutputIsMadeValidAndFrench() {
        let html = MarkdownRenderer.postProcess(
            "<th align=\"center\">a</th><td align=\"right\">b</td><a href=\"#fnref-1\" aria-label=\"Back to content\">↩</a>")
        XCTAssertEqual(
            html,
            "<th style=\"text-align: center\">a</th><td style=\"text-align: right\">b</td><a href=\"#fnref-1\" aria-label=\"Retour au texte\">↩</a>")
    }

    /// The renderer mends only the documents that have a table, a footnote or a task list (the
    /// only ones cmark writes those attributes for): each of them is mended, alone or mixed,
    /// and a text that quotes them is left as written.
    func testEveryDocumentThatNeedsMendingIsMended() {
        let renderer = MarkdownRenderer()
        let cases = [
            "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n",
            "Texte[^1].\n\n[^1]: Une note.\n",
            "- [ ] à faire\n- [x] fait\n",
            "~~barré~~ puis | a |\n|---|\n| b |\n",
            "Un paragraphe.\n\n> citation avec note[^n]\n\n[^n]: la note\n",
            "* liste\n  - [ ] tâche imbriquée\n",
        ]
        for markdown in cases {
            let html = renderer.render(markdown, file: "x.md", firstLine: 1).html
            XCTAssertFalse(html.contains(" align=\""), html)
            XCTAssertFalse(html.contains("Back to content"), html)
            XCTAssertFalse(html.contains("disabled=\"\" />"), html)
            if html.contains("data-footnotes") { XCTAssertTrue(html.contains("<h2 class=\"notes-titre\">Notes</h2>"), html) }
            XCTAssertEqual(html.components(separatedBy: "notes-titre").count, html.contains("data-footnotes") ? 2 : 1, html)
        }
        let table = renderer.render(cases[0], file: "x.md", firstLine: 1).html
        XCTAssertTrue(table.contains("<th style=\"text-align: left\">a</th>") && table.contains("<td style=\"text-align: right\">3</td>"), table)
        XCTAssertTrue(renderer.render(cases[2], file: "x.md", firstLine: 1).html.contains("aria-label=\"à faire\""))
        // Written in a text or in code, the same words are the volunteer's: not changed.
        let quoted = renderer.render("Écrire `<td align=\"left\">` et aria-label=\"Back to content\".\n", file: "x.md", firstLine: 1).html
        XCTAssertTrue(quoted.contains("Back to content"), quoted)
        XCTAssertTrue(quoted.contains("align=&quot;left&quot;"), quoted)
    }
}
