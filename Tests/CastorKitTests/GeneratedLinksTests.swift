import Foundation
import XCTest

@testable import CastorKit

/// Every internal link of every generated page leads to a file of the site, templates included.
final class GeneratedLinksTests: XCTestCase {
    let checker = GeneratedLinks(
        files: ["index.html", "fiches/index.html", "fiches/scic/index.html", "fiches/scic/statuts.odt",
            "assets/style.css", "a-propos/index.html", "agenda/agenda.ics", "fiches/scic/mod%C3%A8le.odt"],
        baseURL: "https://exemple.org/reseau/", basePath: "/reseau/")

    func broken(_ links: [String], on page: String = "fiches/scic/index.html") -> [String] {
        let html = links.map { "<a href=\"\($0)\">x</a>" }.joined(separator: "\n")
        return checker.broken(in: html, page: page).map(\.target)
    }

    func testLinksThatLeadToAFileAreAccepted() {
        XCTAssertEqual(
            broken([
                "../../", "./", "../", "statuts.odt", "../../assets/style.css", "../../a-propos/#haut", "#sommaire",
                "../../fiches/scic/?q=x", "https://exemple.org/reseau/fiches/", "/reseau/agenda/agenda.ics",
                "https://autre.example/", "mailto:contact@exemple.org", "//cdn.example/x.js", "tel:+33600000000",
            ]), [])
    }

    func testLinksToNothingAreReported() {
        XCTAssertEqual(broken(["../../contribuer/"]), ["contribuer/"])
        XCTAssertEqual(broken(["../../contribuer/"], on: "index.html"), ["../../contribuer/"])
        XCTAssertEqual(broken(["absent.pdf"]), ["fiches/scic/absent.pdf"])
        XCTAssertEqual(broken(["https://exemple.org/reseau/mentions-legales/"]), ["mentions-legales/"])
        XCTAssertEqual(broken(["/ailleurs/"]), ["/ailleurs/"])
    }

    func testAttributesAndCharacterReferencesAreRead() {
        let html = """
            <link rel="stylesheet" href="../../assets/style.css"><script src="../../assets/absent.js" defer></script>
            <form action="../../recherche/" method="get"></form><img src="photo.png" alt="">
            <a href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;x&#64;exemple.org">courriel</a>
            <a href="../../agenda/agenda.ics?v=1&amp;x=2">agenda</a>
            <p data-href="../../pas-un-lien/">texte</p>
            """
        XCTAssertEqual(
            Set(checker.broken(in: html, page: "fiches/scic/index.html").map(\.target)),
            ["assets/absent.js", "recherche/", "fiches/scic/photo.png"])
    }

    /// `links(in:)` finds what the plain definition finds: after a space or a line break, a
    /// lowercase name (`href`, `src`, `action`), `="`, the value up to the next `"`; a link's
    /// value is never searched for attributes. Checked on random pages made of the characters
    /// that matter, and on odd cases.
    func testTheAttributeSearchFindsWhatThePlainDefinitionFinds() {
        func plain(_ html: String) -> [String] {
            let bytes = Array(html.utf8)
            var result: [String] = []
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\n") else {
                    index += 1
                    continue
                }
                var nameEnd = index + 1
                while nameEnd < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[nameEnd]) { nameEnd += 1 }
                let name = String(decoding: bytes[(index + 1)..<nameEnd], as: UTF8.self)
                guard nameEnd + 1 < bytes.count, bytes[nameEnd] == UInt8(ascii: "="), bytes[nameEnd + 1] == UInt8(ascii: "\""),
                    ["href", "src", "action"].contains(name)
                else {
                    index = max(nameEnd, index + 1)
                    continue
                }
                var end = nameEnd + 2
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                let value = String(decoding: bytes[(nameEnd + 2)..<end], as: UTF8.self)
                result.append(value.contains("&") ? ActiveContent.decodeReferences(value) : value)
                index = end + 1
            }
            return result
        }
        let odd = [
            "", "=", "=\"", " href=\"", " href=\"x", "href=\"x\"", " href=\"a\" src=\"b\"", "\nsrc=\"c\"",
            " title=\"x src=\" rel=\"y\"", " href=\"a src=\" src=\"b\"", " data-href=\"no\"", " HREF=\"no\"",
            " href =\"no\"", " href=\"a&amp;b\"", " action=\"../recherche/\" x=\"", "é href=\"été\"", " xhref=\"no\"",
        ]
        for html in odd { XCTAssertEqual(GeneratedLinks.links(in: html), plain(html), html) }
        let pieces = [" ", "\n", "href", "src", "action", "h", "=", "\"", "=\"", "&amp;", "é", "-", "x", "a"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let html = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(GeneratedLinks.links(in: html), plain(html), html)
        }
    }

    func testTheShortPathForRootLinksFindsWhatTheLongOneFinds() {
        let folder = ["fiches", "scic"]
        let root = Array("../../".utf8)
        for link in ["../../", "../../fiches/", "../../assets/style.css", "../../a-propos/", "../../agenda/agenda.ics"] {
            XCTAssertEqual(GeneratedLinks.fromRoot(link, root: root).map { GeneratedLinks.SitePath.inside($0) },
                checker.sitePath(link, folder: folder), link)
        }
        for link in ["../../../x/", "../.././fiches/", "../../fiches/#a", "../../mod%C3%A8le.odt", "../../a//b", "statuts.odt", "../x"] {
            XCTAssertNil(GeneratedLinks.fromRoot(link, root: root), link)
        }
        XCTAssertEqual(GeneratedLinks.fromRoot("./fiches/", root: Array("./".utf8)), "fiches/")
    }

    func testAnchorsAndQueriesOfThePageLeadNowhereElse() {
        let folder = ["fiches", "scic"]
        for link in ["#", "?", "#contenu", "#titre-sommaire", "?q=scic", "#a/../../..", "?x#y", "#\r\n"] {
            XCTAssertNil(checker.sitePath(link, folder: folder), link)
        }
        // A combining mark after `#` makes one character of both: not an anchor, as before.
        XCTAssertEqual(checker.sitePath("#\u{301}a", folder: folder), .inside("fiches/scic/#\u{301}a"))
        XCTAssertEqual(checker.sitePath("a#b", folder: folder), .inside("fiches/scic/a"))
        XCTAssertEqual(checker.sitePath("../#b", folder: folder), .inside("fiches/"))
    }

    func testPlainRelativeLinksLeadWhereTheLongWaySays() {
        let pieces = ["..", "../", ".", "./", "/", "//", "a", "fiche-1", "b.odt", "index.html", "_x", "-", "~", "+", " ", "\r\n"]
        var random = SplitMix(seed: 15)
        var links = ["a", "a/", "../", "../../x/", "./", ".", "..", "../../../../../..", "a//b", "a/./b/", "a/../..", "x.odt"]
        for _ in 0..<5000 {
            let length = 1 + Int(random.next() % 8)
            links.append((0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        for folder in [[], ["fiches"], ["fiches", "scic", "statuts"]] {
            for link in links {
                let plain = GeneratedLinks.plainRelativePath(link, folder: folder)
                if link.hasPrefix("/") { XCTAssertNil(plain, link) } else { XCTAssertNotNil(plain, link) }
                if let plain { XCTAssertEqual(plain, checker.fullSitePath(link, folder: folder), "\(folder) \(link)") }
            }
        }
        for link in ["mod%C3%A8le.odt", "été/", "a#b", "a?b", "https://e.org/", "mailto:a@b.fr", "/a/", ""] {
            XCTAssertNil(GeneratedLinks.plainRelativePath(link, folder: ["fiches"]), link)
        }
    }

    func testPercentEncodedFileNamesAreDecoded() {
        let checker = GeneratedLinks(files: ["fiches/modèle.odt"], baseURL: "https://e.org/", basePath: "/")
        XCTAssertTrue(checker.broken(in: "<a href=\"mod%C3%A8le.odt\">", page: "fiches/index.html").isEmpty)
    }

    func testABrokenTemplateLinkIsPlacedInTheTemplate() {
        var report = BrokenLinkReport()
        report.add([.init(link: "../contribuer/", target: "contribuer/")], page: "fiches/index.html")
        report.add([.init(link: "./contribuer/", target: "contribuer/")], page: "index.html")
        let footer = TemplateSet.Source(
            file: "templates/partials/footer.mustache", text: "<footer>\n<ul>\n  <li><a href=\"{{root}}contribuer/\">C</a></li>\n")
        let diagnostics = report.diagnostics(templates: [footer], output: "site")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(
            diagnostics.first?.formatted.split(separator: "\n").first.map(String.init),
            "templates/partials/footer.mustache:3:16: erreur : lien vers « contribuer/ », qui n'existe pas dans le site (2 pages, par exemple fiches/index.html)")
    }
}

/// The same, with the real CLI on the fixture site (it has one static page, « À propos »).
extension EndToEndTests {
    func testTheFooterListsOnlyThePagesTheSiteHas() throws {
        let folder = try workspace()
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let home = try String(contentsOf: folder.appendingPathComponent("site/index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("<li><a href=\"./a-propos/\">À propos</a></li>"), home)
        XCTAssertFalse(home.contains("mentions-legales"))
        XCTAssertFalse(home.contains("contribuer/"))
    }

    func testATemplateLinkToAMissingPageStopsTheBuild() throws {
        let folder = try workspace()
        let footer = folder.appendingPathComponent("templates/partials/footer.mustache")
        var text = try String(contentsOf: footer, encoding: .utf8)
        text = text.replacingOccurrences(of: "<ul>\n", with: "<ul>\n<li><a href=\"{{root}}contribuer/\">Contribuer</a></li>\n")
        try text.write(to: footer, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("contribuer/") }! + 1
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(
            result.stderr.contains(
                "templates/partials/footer.mustache:\(line):14: erreur : lien vers « contribuer/ », qui n'existe pas dans le site ("),
            result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path), "a site was written")
    }

    func testFooterPagesOfSiteYmlAreChecked() throws {
        let folder = try workspace()
        let config = folder.appendingPathComponent("content/site.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try (text + "footer_pages:\n  - a-propos\n  - contribuer\n").write(to: config, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.contains("content/site.yml:\(line):5: erreur : « footer_pages » : la page « contribuer » n'existe pas"),
            result.stderr)

        try (text + "footer_pages:\n  - a-propos\n").write(to: config, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("content/pages/a-propos.md")
        let source = try String(contentsOf: page, encoding: .utf8)
        try source.replacingOccurrences(of: "---\n", with: "---\ndraft: true\n", options: [], range: source.range(of: "---\n"))
            .write(to: page, atomically: true, encoding: .utf8)
        let draft = try run(buildArguments, in: folder)
        XCTAssertEqual(draft.status, 0, draft.stderr)
        XCTAssertTrue(draft.stderr.contains("la page « a-propos » n'est pas publiée (brouillon)"), draft.stderr)
        let home = try String(contentsOf: folder.appendingPathComponent("site/index.html"), encoding: .utf8)
        XCTAssertFalse(home.contains("a-propos/"))
    }
}
