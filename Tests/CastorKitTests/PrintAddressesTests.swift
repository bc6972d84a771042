import XCTest

@testable import CastorKit

/// Every relative link of a body gets its full address in `data-adresse` (the print stylesheet
/// writes it after the link); the others are left as they are.
final class PrintAddressesTests: XCTestCase {
    func testRelativeLinksGetTheirFullAddressAndOthersStayAsTheyAre() {
        let html = """
            <p>Voir <a href="../scic/">la SCIC</a>, <a href="plan.pdf">le plan « été »</a>, \
            <a href="#suite">la suite</a>, <a href="https://exemple.org/">un site</a>, \
            <a href="/absolu">un chemin</a>, <a href="./">ici</a>, <a href="">vide</a> et \
            <a href="../../a-propos/?q=1&amp;r=2">à propos</a>.</p>
            """
        let result = PrintAddresses.add(html, pageURL: "fiches/structures-juridiques/sci/", baseURL: "https://r.example/")
        XCTAssertEqual(result, """
            <p>Voir <a href="../scic/" data-adresse="https://r.example/fiches/structures-juridiques/scic/">la SCIC</a>, \
            <a href="plan.pdf" data-adresse="https://r.example/fiches/structures-juridiques/sci/plan.pdf">le plan « été »</a>, \
            <a href="#suite">la suite</a>, <a href="https://exemple.org/">un site</a>, \
            <a href="/absolu">un chemin</a>, <a href="./" data-adresse="https://r.example/fiches/structures-juridiques/sci/">ici</a>, <a href="">vide</a> et \
            <a href="../../a-propos/?q=1&amp;r=2" data-adresse="https://r.example/fiches/a-propos/?q=1&amp;amp;r=2">à propos</a>.</p>
            """)
        XCTAssertEqual(PrintAddresses.add("<p>Sans lien é</p>", pageURL: "x/", baseURL: "https://r.example/"), "<p>Sans lien é</p>")
    }
}
