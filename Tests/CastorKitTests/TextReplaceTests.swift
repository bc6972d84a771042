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
}
