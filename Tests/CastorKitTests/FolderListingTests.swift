import Foundation
import XCTest

@testable import CastorKit

/// The content folder's listing (one `readdir` pass per folder) and the path and text shortcuts
/// that replaced Foundation calls on the build's hot paths: each gives what the plain call gives.
final class FolderListingTests: XCTestCase {
    func testTheListingHasEveryVisibleFileAndWarnsAboutEachSymbolicLink() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("castor-listing-\(UUID().uuidString)").path
        let outside = root + "-dehors"
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: outside)
        }
        let manager = FileManager.default
        for folder in ["fiches/scic", "fiches/.brouillons", "pages", "vide"] {
            try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try manager.createDirectory(atPath: outside, withIntermediateDirectories: true)
        for file in ["site.yml", "fiches/scic/index.md", "fiches/scic/statuts modèle.odt", "fiches/a.md", "pages/z.md",
            ".cache", "fiches/.brouillons/b.md", "fiches/scic/.~lock.odt#", outside + "/secret.md"] {
            let path = file.hasPrefix("/") ? file : root + "/" + file
            XCTAssertTrue(manager.createFile(atPath: path, contents: Data("x".utf8)), path)
        }
        try manager.createSymbolicLink(atPath: root + "/pages/lien.md", withDestinationPath: "z.md")
        try manager.createSymbolicLink(atPath: root + "/fiches/dehors", withDestinationPath: outside)

        var diagnostics: [Diagnostic] = []
        var links: [String: Bool] = [:]
        let files = ContentLoader(contentRoot: root, collections: []).listFiles(&diagnostics, links: &links)

        XCTAssertEqual(files, ["fiches/a.md", "fiches/scic/index.md", "fiches/scic/statuts modèle.odt", "pages/z.md", "site.yml"])
        XCTAssertEqual(links, ["pages/lien.md": false, "fiches/dehors": true])
        XCTAssertEqual(diagnostics.count, 2)
        XCTAssertTrue(diagnostics.allSatisfy { $0.message == "lien symbolique ignoré" }, "\(diagnostics)")
    }

    func testTheFolderOfAPathIsWhatNSStringSays() {
        for path in ["a/b/c.html", "c.html", "/c", "/", "", "site/fiches/scic/index.html", "./x", "../y/z", "é/ü.md", "a b/c d"] {
            XCTAssertEqual(FileTree.folder(of: path), (path as NSString).deletingLastPathComponent, path)
        }
    }

    func testFolderAndExistenceChecksSayWhatFileManagerSays() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("castor-stat-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/dossier", withIntermediateDirectories: true)
        XCTAssertTrue(manager.createFile(atPath: root + "/fichier.md", contents: Data()))
        try manager.createSymbolicLink(atPath: root + "/lien-dossier", withDestinationPath: "dossier")
        try manager.createSymbolicLink(atPath: root + "/lien-fichier", withDestinationPath: "fichier.md")
        try manager.createSymbolicLink(atPath: root + "/lien-casse", withDestinationPath: "absent")
        for name in ["dossier", "fichier.md", "lien-dossier", "lien-fichier", "lien-casse", "absent", "dossier/", ""] {
            let path = name.isEmpty ? "" : root + "/" + name
            var isFolder: ObjCBool = false
            let exists = manager.fileExists(atPath: path, isDirectory: &isFolder)
            XCTAssertEqual(FileIO.exists(path), exists, name)
            XCTAssertEqual(FileIO.isDirectory(path), exists && isFolder.boolValue, name)
        }
    }

    func testTrimmingSkipsOnlyWhatNeedsNoTrimming() {
        for text in ["", " ", "x", " x", "x ", "\nx\n", "\u{00A0}x", "x\u{2003}", "a b", "\tété\t", "\r\n", "é"] {
            XCTAssertEqual(Validator.trimmed(text), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
        }
    }

    /// No core is left alone with a long run of items at the end of `parallelMap`.
    func testParallelChunksStaySmall() {
        XCTAssertEqual(Array<Int>.chunkSize(13_579, cores: 2), 64)
        XCTAssertEqual(Array<Int>.chunkSize(1_000, cores: 2), 7)
        XCTAssertEqual(Array<Int>.chunkSize(10, cores: 8), 1)
        XCTAssertEqual(Array<Int>.chunkSize(10, cores: 0), 1)
    }
}
