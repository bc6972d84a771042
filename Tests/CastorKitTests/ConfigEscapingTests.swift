import Foundation
import XCTest

@testable import CastorKit

/// `base_url` is checked before anything is built from it, and every value written into a
/// script is escaped for a script (issue 11, item 5).
final class ConfigEscapingTests: XCTestCase {
    func testBaseURLMustBeAPlainAbsoluteWebAddress() {
        for good in [
            "https://ressources.example.org/", "http://127.0.0.1:8000/", "https://example.org/reseau/ressources",
            "https://x.example/*/alert(1)/*", "https://[::1]:8080/", "https://example.org/caf%C3%A9/",
        ] {
            XCTAssertNil(SiteConfig.baseURLProblem(good), good)
        }
        for bad in [
            "javascript:alert(1)", "//x.example/", "x.example/", "ftp://x.example/", "https://", "https:///chemin",
            "https://x.example/\n", "https://x.example/ a", "https://x.example/\u{2028}", "https://x.example/\u{200B}",
            "https://user:secret@x.example/", "https://user@x.example/", "https://x.example/?q=1", "https://x.example/#a",
            "https://x.example/\"></script><script>alert(1)</script>", "https://x.example/<b>", "https://x.example/`",
            "https://réseau.example/", "https://x.example:99999/",
        ] {
            XCTAssertNotNil(SiteConfig.baseURLProblem(bad), bad)
        }
    }

    func testABadBaseURLInSiteYMLIsReportedAtItsPlace() {
        let yaml = """
            title: T
            base_url: "https://x.example/\\"></script><script>alert(1)</script>"
            fiche_types: {a: A}
            themes: {a: A}
            regions: {a: A}
            ad_categories: {a: A}
            """
        let (config, diagnostics) = SiteConfig.load(yaml: yaml, file: "content/site.yml")
        XCTAssertNil(config)
        let error = diagnostics.first { $0.severity == .error }
        XCTAssertEqual(error?.file, "content/site.yml")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 11)
        XCTAssertTrue(error?.message.hasPrefix("« base_url » n'est pas une adresse web utilisable : ") ?? false, "\(diagnostics)")
    }

    func testABadBaseURLOptionStopsTheBuildWithAFrenchError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-base-url-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fixture = EndToEndTests.fixtures.appendingPathComponent("site").path
        let output = folder + "/site"
        let options = BuildOptions(
            content: fixture + "/content", templates: EndToEndTests.repository.appendingPathComponent("templates").path, output: output,
            baseURL: "https://x.example/\nalert(1)", today: LocalDate(iso: "2026-11-23")!)
        let report = Builder(options: options).build()
        let error = report.diagnostics.errors.first
        XCTAssertEqual(error?.file, "--base-url")
        XCTAssertTrue(error?.message.contains("adresse invalide : « https://x.example/\\u{a}alert(1) »") ?? false, "\(report.diagnostics)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    }

    func testScriptJSONKeepsTheSameValueAndCannotCloseAScript() throws {
        let hostile = "Réseau \"</script><script>alert(1)</script> */ <!-- & \u{2028}\u{2029}fin"
        let json = Escape.scriptJSON(String(decoding: try JSONEncoder().encode([hostile]), as: UTF8.self))
        for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            XCTAssertFalse(json.contains(forbidden), forbidden)
        }
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: Data(json.utf8)), [hostile])
    }

    func testWidgetPutsConfigValuesOnlyInItsJSONLiteral() throws {
        var config = testConfig
        config.baseURL = "https://x.example/*/alert(1)/*/"
        config.title = "L'\"Habitat\" </script><script>window.pwned=1</script> */ window.pwned=2 /* \u{2028}fin"
        var site = Site(config: config, today: LocalDate(iso: "2026-11-23")!, bodies: [:])
        site.collections = [PublishedCollection(schema: TestCollections.events, items: [])]
        let script = AgendaFeeds.widget(site)
        let comment = script.range(of: "/*")!.lowerBound..<script.range(of: "*/")!.upperBound
        XCTAssertTrue(script[..<comment.lowerBound].allSatisfy(\.isWhitespace))
        XCTAssertFalse(script[comment].contains("x.example"), "no configuration value in the comment")
        XCTAssertFalse(script.contains("</script"))
        XCTAssertFalse(script.contains("\u{2028}"))
        let line = try XCTUnwrap(script.split(separator: "\n").first { $0.contains("var agenda = ") })
        let literal = line.drop { $0 != "{" }.dropLast()  // `{…}` without the `;`
        let data = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(literal.utf8)) as? [String: Any])
        XCTAssertEqual(data["title"] as? String, config.title)
        XCTAssertEqual(data["agenda"] as? String, "https://x.example/*/alert(1)/*/agenda/")
    }
}
