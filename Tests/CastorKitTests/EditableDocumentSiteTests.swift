import Foundation
import XCTest
import ZIPFoundation

@testable import CastorKit

/// The editable documents in a built site: written beside their page by the real CLI, offered on
/// it, only for the items the declaration names, never in the place of a content file.
final class EditableDocumentSiteTests: XCTestCase {
    static let trame = """
        ---
        title: "Trame de charte & de règles"
        summary: "Un modèle de charte à adapter."
        themes: [gouvernance]
        updated: 2026-05-26
        authors: [Agnès Delorme]
        attachments:
          - file: charte.odt
            title: "Trame de charte (OpenDocument, faite à la main)"
        ---

        Une charte dit ce qui **rassemble** le groupe.

        ## Le projet

        Charte du groupe « [NOM DU GROUPE] », adoptée le ______________.

        - Solidarité
          - entre foyers
        - Écologie[^1]

        | Partie | Objet |
        |---|---|
        | Valeurs | [à compléter] |

        ## Les décisions

        Voir la fiche [SCIC](../../structures-juridiques/scic.md).

        [^1]: Une note de bas de page.

        """

    /// A folder with `content/` (the fixture site) and `templates/` (the real ones).
    static func copyFixture() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-odt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: EndToEndTests.fixtures.appendingPathComponent("site/content"), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: EndToEndTests.repository.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates"))
        return folder
    }

    /// The fiches' `odt:` declaration in the fixture (and the project).
    static let fichesDeclaration = "    odt:\n      groups: [trames-types]\n      label: Télécharger en .odt (modifiable)\n"

    /// Adds `line` (an `odt:` declaration) to a collection's declaration, after `anchor`.
    static func declare(_ line: String, in content: URL, after anchor: String) throws {
        let url = content.appendingPathComponent("collections.yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(anchor))
        try text.replacingOccurrences(of: anchor, with: anchor + "    " + line + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    /// Adds the trame `fiches/trames-types/charte/` with its hand-made `charte.odt`.
    /// Replaces text in the fixture's collections.yml.
    static func replaceInDeclarations(_ old: String, with new: String, in content: URL) throws {
        let url = content.appendingPathComponent("collections.yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    static func addTrame(to content: URL) throws {
        let folder = content.appendingPathComponent("fiches/trames-types/charte")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try trame.write(to: folder.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try Data("fait à la main".utf8).write(to: folder.appendingPathComponent("charte.odt"))
    }

    var folder: URL!
    var content: URL { folder.appendingPathComponent("content") }

    override func setUpWithError() throws {
        folder = try Self.copyFixture()
        // The fixture declares `odt` for the trames-types, as the project does.
        try Self.addTrame(to: content)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func castor(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: EndToEndTests.castor)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func build(_ output: String) throws -> (status: Int32, output: String) {
        try castor(["build", "--content", "content", "--templates", "templates", "--output", output, "--now", "2026-11-23"])
    }

    func testTheCLIWritesTheDocumentBesideThePageAndOffersIt() throws {
        let run = try build("site")
        XCTAssertEqual(run.status, 0, run.output)
        let site = folder.appendingPathComponent("site")
        let page = folder.appendingPathComponent("site/fiches/trames-types/charte/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        let document = site.appendingPathComponent("fiches/trames-types/charte/charte-modifiable.odt")
        let data = try Data(contentsOf: document)
        // The hand-made trame stays, as it was, under its own name and label.
        XCTAssertEqual(try Data(contentsOf: site.appendingPathComponent("fiches/trames-types/charte/charte.odt")), Data("fait à la main".utf8))
        XCTAssertTrue(html.contains("Trame de charte (OpenDocument, faite à la main)"))
        // The generated one, offered with its size.
        XCTAssertTrue(html.contains("<a href=\"../../../fiches/trames-types/charte/charte-modifiable.odt\""), html)
        XCTAssertTrue(html.contains("Télécharger en .odt (modifiable) <span class=\"document-infos\">(ODT, \(French.fileSize(data.count)))</span>"), html)
        XCTAssertTrue(html.contains("Document modifiable"))

        let entries = try EditableDocumentTests.entries(data)
        XCTAssertEqual(entries.first?.path, "mimetype")
        XCTAssertEqual(entries.first?.stored, true)
        let content = String(decoding: try XCTUnwrap(entries.first { $0.path == "content.xml" }).data, as: UTF8.self)
        XCTAssertTrue(content.contains("<text:p text:style-name=\"Title\">Trame de charte &amp; de règles</text:p>"))
        XCTAssertEqual(EditableDocumentTests.elements("text:h", in: content).texts, ["Le projet", "Les décisions"])
        XCTAssertEqual(EditableDocumentTests.blanks(in: content), ["[NOM DU GROUPE]", "______________", "[à compléter]"])
        XCTAssertTrue(content.contains("xlink:href=\"https://ressources.example.org/fiches/structures-juridiques/scic/\""), content)
        XCTAssertEqual(EditableDocumentTests.elements("text:note-body", in: content).texts, ["Une note de bas de page."])

        // Only the trames: the other fiches have no document and no link.
        let others = EndToEndTests.files(under: site).keys.filter { $0.hasSuffix("-modifiable.odt") }
        XCTAssertEqual(others, ["fiches/trames-types/charte/charte-modifiable.odt"])
        let scic = try String(contentsOf: site.appendingPathComponent("fiches/structures-juridiques/scic/index.html"), encoding: .utf8)
        XCTAssertFalse(scic.contains("document-modifiable"))

        // A second build: the same bytes.
        XCTAssertEqual(try build("site2").status, 0)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("site2/fiches/trames-types/charte/charte-modifiable.odt")), data)
    }

    func testAContentFileNamedLikeTheDocumentIsAnError() throws {
        try Data("autre".utf8).write(to: content.appendingPathComponent("fiches/trames-types/charte/charte-modifiable.odt"))
        let run = try castor(["check", "--content", "content", "--templates", "templates"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.output.contains("charte-modifiable.odt"), run.output)
        XCTAssertTrue(run.output.contains("document modifiable"), run.output)
        XCTAssertTrue(run.output.contains("donneraient le même fichier du site"), run.output)
    }

    func testADeclaredCollectionGetsDocumentsForEveryItem() throws {
        try DeclaredCollectionTests.addPartners(to: content)
        try Self.declare("odt: true", in: content, after: "  partenaires:\n")
        let run = try build("site")
        XCTAssertEqual(run.status, 0, run.output)
        let site = folder.appendingPathComponent("site")
        let documents = EndToEndTests.files(under: site).keys.filter { $0.hasPrefix("partenaires/") && $0.hasSuffix("-modifiable.odt") }.sorted()
        let slugs = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("partenaires").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
        XCTAssertFalse(slugs.isEmpty)
        XCTAssertEqual(documents, slugs.sorted().map { "partenaires/\($0)/\($0)-modifiable.odt" }, "one document per partner")
        let page = try String(contentsOf: site.appendingPathComponent("partenaires/etude-notariale-des-lices/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("etude-notariale-des-lices-modifiable.odt"), page)
        XCTAssertTrue(page.contains(EditableDocumentDeclaration.defaultLabel))
    }
}
