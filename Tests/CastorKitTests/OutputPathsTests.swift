import Foundation
import XCTest

@testable import CastorKit

/// One source per file of the site, active content refused, real paths.
final class OutputPathsTests: XCTestCase {
    func testEveryPathClaimedTwiceIsReportedNamingBothSources() {
        let planned: [(path: String, source: OutputPaths.Source)] = [
            ("agenda/widget.js", .generated("liste de l'agenda à intégrer sur d'autres sites")),
            ("fiches/x/index.html", .page("content/fiches/x/index.md")),
            ("assets/style.css", .template("templates/assets/style.css")),
            ("agenda/widget.js", .content("content/agenda/widget.js")),
            ("fiches/x/index.html", .content("content/fiches/x/index.html")),
            ("assets/style.css", .content("content/assets/style.css")),
            ("recherche/index/t/ab.js", .content("content/recherche/index/t/ab.js")),
            ("fiches/x", .content("content/fiches/x")),
            ("fiches/y/plan.png", .content("content/fiches/y/plan.png")),
        ]
        let found = OutputPaths.collisions(planned).map(\.formatted)
        XCTAssertEqual(found.count, 5, found.joined(separator: "\n"))
        func has(_ text: String) { XCTAssertTrue(found.contains { $0.hasPrefix(text) }, "« \(text) » missing from:\n" + found.joined(separator: "\n")) }
        has("content/agenda/widget.js:1:1: erreur : ce fichier et le fichier produit par Castor (liste de l'agenda à intégrer sur d'autres sites) donneraient le même fichier du site : « agenda/widget.js »")
        has("content/fiches/x/index.html:1:1: erreur : ce fichier et la page de « content/fiches/x/index.md » donneraient le même fichier du site")
        has("content/assets/style.css:1:1: erreur : ce fichier et « templates/assets/style.css » donneraient le même fichier du site : « assets/style.css »")
        has("content/recherche/index/t/ab.js:1:1: erreur : ce fichier et le fichier produit par Castor (index de la recherche)")
        has("content/fiches/x:1:1: erreur : ce fichier et la page de « content/fiches/x/index.md » se disputent « fiches/x/ » du site")
        XCTAssertTrue(OutputPaths.collisions(planned.filter { $0.source.file?.hasPrefix("content/") != true || $0.path == "fiches/y/plan.png" }).isEmpty)
    }

    func testActiveSVGIsFoundEvenWhenDisguised() {
        XCTAssertEqual(ActiveContent.activeSVG("<svg><SCRIPT>alert(1)</SCRIPT></svg>"), "élément <script>")
        XCTAssertEqual(ActiveContent.activeSVG("<svg><rect\nonLoad = 'x()'/></svg>"), "attribut d'événement on…=")
        XCTAssertEqual(ActiveContent.activeSVG("<svg><a href=\"&#106;ava&#x09;script:alert(1)\">x</a></svg>"), "adresse javascript:")
        XCTAssertEqual(ActiveContent.activeSVG("<svg><foreignObject><iframe srcdoc=\"&lt;p&gt;\"/></foreignObject></svg>"), "élément <iframe>")
        XCTAssertEqual(ActiveContent.activeSVG("<svg><a href=\"x\"><text>&lt;script&gt; est un mot</text></a></svg>"), "élément <script>")
        // Ordinary drawings pass, words like « one = 1 » in their text included.
        XCTAssertNil(ActiveContent.activeSVG("<svg xmlns=\"http://www.w3.org/2000/svg\"><text font-family=\"sans\">one = 1 &amp; two</text><path d=\"M0 0\"/></svg>"))
        XCTAssertNil(ActiveContent.problem("plan.png", contentRoot: "/nulle-part", shown: "plan.png"))
        XCTAssertNotNil(ActiveContent.problem("a/page.HTM", contentRoot: "/nulle-part", shown: "content/a/page.HTM"))
    }

    func testRealPathFollowsLinksAndKeepsTheMissingPart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-real-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/content/fiches", withIntermediateDirectories: true)
        addTeardownBlock { try? FileTree.remove(folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/fl", withDestinationPath: "content/fiches")
        let real = FileTree.realPath(folder)
        XCTAssertEqual(FileTree.realPath(folder + "/fl/out"), real + "/content/fiches/out")
        XCTAssertEqual(FileTree.realPath(folder + "/fl/../x/y"), real + "/content/x/y")
        XCTAssertEqual(FileTree.realPath(folder + "/nouveau/../site"), real + "/site")
        XCTAssertEqual(FileTree.firstLink(under: folder, "fl/out")?.path, "fl")
        XCTAssertEqual(FileTree.firstLink(under: folder, "fl/out")?.leavesRoot, false)
        XCTAssertNil(FileTree.firstLink(under: folder, "content/fiches"))
    }
}
