import Foundation
import XCTest

@testable import CastorKit

/// Builds fixture sites with the real `castor` binary, as a volunteer would.
final class EndToEndTests: XCTestCase {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")

    static var castor: String {
        if let path = ProcessInfo.processInfo.environment["CASTOR_BIN"] { return path }
        return repository.appendingPathComponent(".build/debug/castor").path
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func run(_ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.castor)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A working folder with `content/` (the fixture site) and `templates/` (the real ones).
    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("site/content"), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates"))
        return folder
    }

    static func files(under folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try? Data(contentsOf: url)
            }
        }
        return result
    }

    let buildArguments = ["build", "--content", "content", "--templates", "templates", "--output", "site", "--now", "2026-11-23"]

    func testFixtureSiteMatchesTheGoldenFiles() throws {
        let folder = try workspace()
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Site construit"), result.stdout)
        var built = Self.files(under: folder.appendingPathComponent("site"))
        // Assets are copies of templates/assets: compared with their source, not stored twice.
        for path in built.keys where path.hasPrefix("assets/") {
            XCTAssertEqual(built.removeValue(forKey: path), try Data(contentsOf: Self.repository.appendingPathComponent("templates/" + path)))
        }
        let goldenFolder = Self.fixtures.appendingPathComponent("golden")
        if ProcessInfo.processInfo.environment["CASTOR_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: goldenFolder)
            for (path, data) in built {
                let target = goldenFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
        }
        let golden = Self.files(under: goldenFolder)
        XCTAssertEqual(Set(built.keys), Set(golden.keys), "files differ from Fixtures/golden (CASTOR_UPDATE_GOLDEN=1 to accept)")
        for (path, data) in golden.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(built[path], data, "\(path) differs from the golden copy")
        }
    }

    func testPublishedContentFollowsTheRules() throws {
        let folder = try workspace()
        let build = try run(buildArguments, in: folder)
        XCTAssertEqual(build.status, 0)
        XCTAssertTrue(
            build.stderr.contains("content/fiches/boite-a-outils/kit-jpo/index.md:20:1: avertissement : image sans texte alternatif"),
            build.stderr)
        let site = folder.appendingPathComponent("site")
        func page(_ path: String) throws -> String { try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) }
        // Drafts and expired ads are not published; an ad is still shown on its expiry day.
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("fiches/boite-a-outils/brouillon").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("annonces/ancienne").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("annonces/cherche-groupe/index.html").path))
        XCTAssertFalse(try page("sitemap.xml").contains("ancienne"))
        // Links between Markdown files point at pages; attachments are copied beside their fiche.
        let scic = try page("fiches/structures-juridiques/scic/index.html")
        XCTAssertTrue(scic.contains("href=\"../../boite-a-outils/kit-jpo/#preparer\""))
        XCTAssertTrue(scic.contains("Mis à jour le <time datetime=\"2026-03-01\">1er mars 2026</time>"))
        XCTAssertFalse(scic.contains("<script>alert"))
        XCTAssertFalse(scic.contains("javascript:"))
        let kit = try page("fiches/boite-a-outils/kit-jpo/index.html")
        XCTAssertTrue(kit.contains("Kit portes ouvertes &lt;em&gt;JPO&lt;/em&gt;"), "a title's HTML is shown as text")
        XCTAssertTrue(kit.contains("href=\"affiche.txt\""))
        XCTAssertTrue(kit.contains("<img src=\"plan.png\" alt=\"Plan de la salle d'accueil\" loading=\"lazy\" decoding=\"async\" width=\"3\" height=\"2\" />"), kit)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("fiches/boite-a-outils/kit-jpo/affiche.txt").path))
        // The 404 page works from any address: its links start from the site's path.
        XCTAssertTrue(try page("404.html").contains("href=\"/assets/style.css\""))
    }

    func testNoGeneratedFileHoldsAnAdContactAsPlainText() throws {
        let folder = try workspace()
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Petites annonces qui expirent dans les 14 jours"), result.stdout)
        XCTAssertTrue(result.stdout.contains("content/annonces/cherche-groupe.md"), result.stdout)
        let files = Self.files(under: folder.appendingPathComponent("site"))
        XCTAssertGreaterThan(files.count, 20)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            for contact in ["contact@groupe.example.org", "06 12 34 56 78", "0612345678"] {
                XCTAssertFalse(text.contains(contact), "\(path) holds \(contact)")
            }
        }
        let ad = String(decoding: files["annonces/terrain-rennes/index.html"]!, as: UTF8.self)
        XCTAssertTrue(ad.contains("data-contact=\"\(ContactMask.scrambled("contact@groupe.example.org"))\""))
        XCTAssertTrue(ad.contains("Afficher le contact"))
    }

    func testBaseURLWithAPathKeepsLinksRelative() throws {
        let folder = try workspace()
        let result = try run(buildArguments + ["--base-url", "https://example.org/reseau/ressources"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("site")
        let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("https://example.org/reseau/ressources/"))
        XCTAssertFalse(home.contains("href=\"/"), "no root-absolute link on ordinary pages")
        let notFound = try String(contentsOf: site.appendingPathComponent("404.html"), encoding: .utf8)
        XCTAssertTrue(notFound.contains("href=\"/reseau/ressources/assets/style.css\""))
    }

    /// Each case's files are laid over a copy of the fixture site, whose `collections.yml` (a
    /// copy of the project's) is then the declarations of every case that has none; the
    /// `collections-*` cases bring their own, broken, one.
    func testEveryInvalidCaseFailsWithItsMessagesAndLeavesTheSiteUntouched() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.appendingPathComponent("invalid").path).sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 10)
        for name in cases {
            let folder = try workspace()
            XCTAssertEqual(try run(buildArguments, in: folder).status, 0, name)
            let before = Self.files(under: folder.appendingPathComponent("site"))
            let caseFolder = Self.fixtures.appendingPathComponent("invalid/\(name)")
            for (path, data) in Self.files(under: caseFolder) where path != "expected.txt" {
                let target = path.hasPrefix("templates/") ? folder.appendingPathComponent(path) : folder.appendingPathComponent("content/" + path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
            let build = try run(buildArguments, in: folder)
            XCTAssertEqual(build.status, 1, "\(name): \(build.stderr)")
            XCTAssertTrue(build.stderr.contains("n'a pas été modifié"), name)
            let check = try run(["check", "--content", "content", "--templates", "templates", "--now", "2026-11-23"], in: folder)
            XCTAssertEqual(check.status, 1, name)
            let expected = try String(contentsOf: caseFolder.appendingPathComponent("expected.txt"), encoding: .utf8)
            for line in expected.split(separator: "\n") where !line.isEmpty {
                XCTAssertTrue(build.stderr.contains(line), "\(name): « \(line) » missing from:\n\(build.stderr)")
                XCTAssertTrue(check.stderr.contains(line), "\(name) (check): « \(line) » missing")
            }
            XCTAssertEqual(Self.files(under: folder.appendingPathComponent("site")), before, "\(name): the site changed")
        }
    }

    func testEventsFarInThePastOrFutureStillBuild() throws {
        let folder = try workspace()
        let agenda = folder.appendingPathComponent("content/agenda")
        try "---\ntitle: Fondation\nstart: 1850-03-02T10:00\nend: 1850-03-02T12:00\n---\n".write(
            to: agenda.appendingPathComponent("fondation.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Fin des temps\nstart: 9999-12-30\nend: 9999-12-31\n---\n".write(
            to: agenda.appendingPathComponent("fin-des-temps.md"), atomically: true, encoding: .utf8)
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("site")
        let calendar = try String(contentsOf: site.appendingPathComponent("agenda/agenda.ics"), encoding: .utf8)
        XCTAssertTrue(calendar.contains("DTSTART:18500302T"), calendar)
        XCTAssertTrue(calendar.contains("DTSTART;VALUE=DATE:99991230\r\nDURATION:P2D\r\n"))
        let archives = try String(contentsOf: site.appendingPathComponent("agenda/archives/index.html"), encoding: .utf8)
        XCTAssertTrue(archives.contains("<h2>1850</h2>"))
        let upcoming = try String(contentsOf: site.appendingPathComponent("agenda/index.html"), encoding: .utf8)
        XCTAssertTrue(upcoming.contains("Décembre 9999"))
    }

    func testWarningsAloneDoNotFailTheBuild() throws {
        let folder = try workspace()
        let page = folder.appendingPathComponent("content/pages/a-propos.md")
        try "---\ntitle: À propos\nauteur: Moi\n---\nTexte.\n".write(to: page, atomically: true, encoding: .utf8)
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("content/pages/a-propos.md:3:1: avertissement : champ inconnu « auteur »"), result.stderr)
    }

    func testRefusesToReplaceAFolderItDidNotWrite() throws {
        let folder = try workspace()
        let foreign = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try "précieux".write(to: foreign.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("contient des fichiers que Castor n'a pas produits"), result.stderr)
        XCTAssertEqual(try String(contentsOf: foreign.appendingPathComponent("notes.txt"), encoding: .utf8), "précieux")
        let inside = try run(["build", "--content", "content", "--templates", "templates", "--output", "content/site"], in: folder)
        XCTAssertEqual(inside.status, 1)
    }

    func testSiteGitignoreIsKept() throws {
        let folder = try workspace()
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try "*\n!.gitignore\n".write(to: site.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(buildArguments, in: folder).status, 0)
        XCTAssertEqual(try run(buildArguments, in: folder).status, 0)
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent(".gitignore"), encoding: .utf8), "*\n!.gitignore\n")
    }
}
