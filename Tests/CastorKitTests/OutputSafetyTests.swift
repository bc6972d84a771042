import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

@testable import CastorKit

/// The output folder with the real `castor` binary: symbolic links on the way, a build
/// interrupted between its two renames, read-only folders, two builds at once; and symbolic
/// links among the files Castor publishes.
final class OutputSafetyTests: XCTestCase {
    let today = ["--now", "2026-11-23"]
    var build: [String] { ["build", "--content", "content", "--templates", "templates"] + today }

    /// A working folder with the fixture site's content and the real templates.
    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock {
            _ = try? FileTree.remove(folder.path)
        }
        try FileManager.default.copyItem(
            at: EndToEndTests.fixtures.appendingPathComponent("site/content"), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: EndToEndTests.repository.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates"))
        return folder
    }

    /// Runs castor in `folder`; as an ordinary user when `asUser` (root ignores file permissions).
    func run(_ arguments: [String], in folder: URL, asUser: Bool = false) throws -> EndToEndTests.Run {
        let process = try start(arguments, in: folder, asUser: asUser)
        let out = process.standardOutput as! Pipe
        let err = process.standardError as! Pipe
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    func start(_ arguments: [String], in folder: URL, asUser: Bool = false, stderr: Any? = nil) throws -> Process {
        let process = Process()
        if asUser && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", EndToEndTests.castor] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: EndToEndTests.castor)
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        process.standardOutput = Pipe()
        process.standardError = stderr ?? Pipe()
        try process.run()
        return process
    }

    func shell(_ command: String, in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, command)
    }

    func exists(_ path: String, in folder: URL) -> Bool { FileTree.exists(folder.appendingPathComponent(path).path) }

    // MARK: - Where the site goes

    func testOutputThroughASymbolicLinkIntoTheContentIsRefused() throws {
        let folder = try workspace()
        try shell("ln -s content/fiches fl", in: folder)
        let result = try run(build + ["--output", "fl/out"], in: folder)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("fl/out: erreur : le dossier de sortie ne peut pas contenir le dossier de contenu ni être dedans"), result.stderr)
        XCTAssertTrue(result.stderr.contains("(lien symbolique)"), result.stderr)
        XCTAssertFalse(exists("content/fiches/out", in: folder), "the site was written inside content/")
        XCTAssertFalse(exists("content/fiches/.out.castor-tmp", in: folder))
    }

    func testOutputThatIsASymbolicLinkIsFollowedAndStaysALink() throws {
        let folder = try workspace()
        try shell("mkdir -p publie/site && ln -s publie/site site", in: folder)
        let result = try run(build + ["--output", "site"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("« site » passe par un lien symbolique : le site est construit dans « "), result.stderr)
        XCTAssertTrue(FileTree.isSymbolicLink(folder.appendingPathComponent("site").path), "the link was replaced by a folder")
        XCTAssertTrue(exists("publie/site/index.html", in: folder))
        XCTAssertEqual(try run(build + ["--output", "site"], in: folder).status, 0)
        XCTAssertTrue(FileTree.isSymbolicLink(folder.appendingPathComponent("site").path))
        try shell("rm site && ln -s nulle-part site", in: folder)
        let broken = try run(build + ["--output", "site"], in: folder)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("site: erreur : la sortie est un lien symbolique vers un dossier qui n'existe pas"), broken.stderr)
    }

    // MARK: - Interrupted builds

    func testSiteLeftAsideByAnInterruptedBuildIsPutBack() throws {
        let folder = try workspace()
        XCTAssertEqual(try run(build, in: folder).status, 0)
        let before = EndToEndTests.files(under: folder.appendingPathComponent("site"))
        // A crash between the two renames: the old site aside, no site.
        try FileManager.default.moveItem(at: folder.appendingPathComponent("site"), to: folder.appendingPathComponent(".site.castor-old"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".site.castor-tmp"), withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent("content/agenda/widget.js"), atomically: true, encoding: .utf8)
        let failing = try run(build, in: folder)
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(
            failing.stderr.contains("une construction précédente s'est interrompue avant la fin : l'ancien site a été remis en place dans « site »"),
            failing.stderr)
        XCTAssertTrue(failing.stderr.contains("n'a pas été modifié"))
        XCTAssertEqual(EndToEndTests.files(under: folder.appendingPathComponent("site")), before)
        XCTAssertFalse(exists(".site.castor-old", in: folder))
        XCTAssertFalse(exists(".site.castor-tmp", in: folder))
    }

    func testReadOnlyFoldersInTheOldSiteAreRemoved() throws {
        let folder = try workspace()
        try shell("chown -R 65534:65534 . 2>/dev/null || true", in: folder)
        XCTAssertEqual(try run(build, in: folder, asUser: true).status, 0)
        try shell("chmod -R a-w site/fiches site/agenda", in: folder)
        let second = try run(build, in: folder, asUser: true)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertFalse(exists(".site.castor-old", in: folder), "the old site was left beside the new one")
        // A read-only old site left aside by an earlier version: removed by the next build.
        try shell("cp -a site .site.castor-old && chmod -R a-w .site.castor-old/fiches", in: folder)
        let third = try run(build, in: folder, asUser: true)
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertFalse(third.stderr.contains("NSCocoaErrorDomain"), third.stderr)
        XCTAssertFalse(exists(".site.castor-old", in: folder))
    }

    func testFileErrorsAreInFrench() {
        XCTAssertEqual(FileErrors.reason(EACCES), "droits insuffisants")
        let error = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteNoPermission.rawValue, userInfo: [NSFilePathErrorKey: "/x/.site.castor-old"])
        XCTAssertEqual(FileErrors.describe(error), "« /x/.site.castor-old » : droits insuffisants")
        XCTAssertEqual("\(FileIO.Failure(path: "site/a", reason: "plus de place sur le disque"))", "« site/a » : plus de place sur le disque")
    }

    // MARK: - Two builds at once

    func testABuildWaitsWhileAnotherHoldsTheOutput() throws {
        let folder = try workspace()
        let lockPath = folder.appendingPathComponent(".site.castor-lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        XCTAssertEqual(flock(descriptor, LOCK_EX), 0)
        let log = folder.appendingPathComponent("stderr.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: log.path, contents: nil))
        let process = try start(build, in: folder, stderr: try FileHandle(forWritingTo: log))
        Thread.sleep(forTimeInterval: 2)
        XCTAssertTrue(process.isRunning, "the build did not wait for the one holding the output")
        XCTAssertFalse(exists("site", in: folder))
        XCTAssertTrue(
            try String(contentsOf: log, encoding: .utf8).contains("une autre construction de « site » est en cours : attente de sa fin…"))
        close(descriptor)
        process.waitUntilExit()
        let written = try String(contentsOf: log, encoding: .utf8)
        XCTAssertEqual(process.terminationStatus, 0, written)
        XCTAssertTrue(exists("site/index.html", in: folder))
    }

    func testTwoBuildsAtOnceNeverMix() throws {
        let folder = try workspace()
        // A sizeable site, so that the two builds overlap.
        let fiches = folder.appendingPathComponent("content/fiches/boite-a-outils")
        for number in 1...150 {
            try "---\ntitle: Fiche \(number)\nsummary: Résumé \(number).\nthemes: [gouvernance]\nupdated: 2026-01-\(String(format: "%02d", number % 28 + 1))\n---\n\(String(repeating: "Un paragraphe de texte pour la fiche \(number).\n\n", count: 20))"
                .write(to: fiches.appendingPathComponent("fiche-\(number).md"), atomically: true, encoding: .utf8)
        }
        let first = build + ["--base-url", "https://un.example.org/"]
        let second = build + ["--base-url", "https://deux.example.org/"]
        XCTAssertEqual(try run(first + ["--output", "ref-un"], in: folder).status, 0)
        XCTAssertEqual(try run(second + ["--output", "ref-deux"], in: folder).status, 0)
        let expected = [
            EndToEndTests.files(under: folder.appendingPathComponent("ref-un")),
            EndToEndTests.files(under: folder.appendingPathComponent("ref-deux")),
        ]
        XCTAssertNotEqual(expected[0], expected[1])
        for trial in 1...4 {
            let a = try start(first + ["--output", "site"], in: folder)
            let b = try start(second + ["--output", "site"], in: folder)
            for process in [a, b] {
                _ = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                XCTAssertEqual(process.terminationStatus, 0, "trial \(trial)")
            }
            let built = EndToEndTests.files(under: folder.appendingPathComponent("site"))
            XCTAssertTrue(built == expected[0] || built == expected[1], "trial \(trial): the site mixes both builds")
            XCTAssertFalse(exists(".site.castor-tmp", in: folder))
            XCTAssertFalse(exists(".site.castor-old", in: folder))
        }
    }

    // MARK: - Symbolic links among the published files

    func testSymbolicLinksLeadingOutsideAreRefusedWithTheirReference() throws {
        let folder = try workspace()
        try "secret\n".write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let kit = "content/fiches/boite-a-outils/kit-jpo"
        try shell("ln -s ../../../../secret.txt \(kit)/lien.txt && ln -s ../../secret.txt templates/assets/fuite.css", in: folder)
        let index = folder.appendingPathComponent(kit + "/index.md")
        var text = try String(contentsOf: index, encoding: .utf8)
        text = text.replacingOccurrences(of: "attachments:\n", with: "attachments:\n  - file: lien.txt\n    title: Lien\n")
        try text.write(to: index, atomically: true, encoding: .utf8)
        let scic = folder.appendingPathComponent("content/fiches/structures-juridiques/scic.md")
        try (try String(contentsOf: scic, encoding: .utf8) + "\nVoir [le lien](../boite-a-outils/kit-jpo/lien.txt).\n")
            .write(to: scic, atomically: true, encoding: .utf8)
        for arguments in [build, ["check", "--content", "content", "--templates", "templates"] + today] {
            let result = try run(arguments, in: folder)
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertTrue(
                result.stderr.contains("\(kit)/index.md:7:11: erreur : la pièce jointe « lien.txt » est un lien symbolique qui mène hors du dossier de contenu"),
                result.stderr)
            XCTAssertTrue(
                result.stderr.contains("scic.md:30:6: erreur : le lien « ../boite-a-outils/kit-jpo/lien.txt » vise un lien symbolique qui mène hors du dossier de contenu"),
                result.stderr)
            XCTAssertTrue(
                result.stderr.contains("templates/assets/fuite.css: erreur : lien symbolique qui mène hors du dossier des gabarits"), result.stderr)
        }
        XCTAssertFalse(exists("site", in: folder))
    }
}
