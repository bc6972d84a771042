import Foundation
import XCTest
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import CastorKit

/// The editable documents (`odt:` in collections.yml): the OpenDocument package, the Markdown
/// it is made from, the declaration, and the site that offers them.
final class EditableDocumentTests: XCTestCase {
    // MARK: - Helpers

    /// The body XML made from `markdown`, links joined to `https://exemple.org/fiches/trame/`.
    static func body(_ markdown: String) -> String {
        MarkdownRenderer().openDocumentBody(
            markdown, firstLine: 1, resolve: { _, _ in .keep },
            link: { EditableDocuments.absoluteLink($0, pageURL: "https://exemple.org/fiches/trame/") },
            mask: { ContactMask.masked($0) })
    }

    static func package(_ markdown: String, title: String = "Trame", day: LocalDate? = LocalDate(iso: "2026-05-26")) throws -> Data {
        var metadata = ODTWriter.Metadata(title: title, summary: "Un résumé & <court>")
        metadata.date = day?.iso
        metadata.authors = ["Agnès & Cie"]
        metadata.source = "https://exemple.org/fiches/trame/"
        return try alone(content: ODTWriter.content(body: body(markdown), metadata: metadata), meta: ODTWriter.meta(metadata), day: day)
    }

    /// A package made alone: with a shared start of its own, as a site of one document has.
    static func alone(content: String, meta: String, day: LocalDate?) throws -> Data {
        try ODTPackage.zip(content: content, meta: meta, day: day, shared: ODTPackage.Shared(styles: ODTWriter.styles(language: "fr")))
    }

    /// Every entry of a ZIP, in order, with its bytes and its compression method.
    static func entries(_ data: Data) throws -> [(path: String, data: Data, stored: Bool)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            return (entry.path, bytes, !entry.isCompressed)
        }
    }

    /// Whether Foundation's XML parser reads `data` to the end without error.
    static func isWellFormed(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        return parser.parse()
    }

    /// The text of every element named `name` (qualified, `text:h`) of an XML document.
    final class Collector: NSObject, XMLParserDelegate {
        let wanted: String
        var texts: [String] = []
        var depth = 0
        var current = ""
        var attributes: [[String: String]] = []
        init(_ wanted: String) { self.wanted = wanted }
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == wanted {
                depth += 1
                if depth == 1 { current = "" }
                self.attributes.append(attributes)
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if depth > 0 { current += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == wanted {
                depth -= 1
                if depth == 0 { texts.append(current) }
            }
        }
    }

    static func elements(_ name: String, in xml: String) -> Collector {
        let collector = Collector(name)
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "content.xml is not well-formed")
        return collector
    }

    /// The highlighted blanks of a content.xml, in order.
    static func blanks(in xml: String) -> [String] {
        let open = "<text:span text:style-name=\"Castor_20_Placeholder\">"
        return xml.components(separatedBy: open).dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    static func content(_ markdown: String) -> String {
        ODTWriter.content(body: body(markdown), metadata: .init(title: "Titre"))
    }

    // MARK: - Package

    func testMimetypeComesFirstStoredAndTheManifestListsTheParts() throws {
        let data = try Self.package("# Titre\n\nUn paragraphe.\n")
        // The bytes themselves: a local header at 0, method 0 (stored), name « mimetype », then the type.
        XCTAssertEqual(Array(data.prefix(4)), [0x50, 0x4B, 0x03, 0x04])
        XCTAssertEqual(data[8], 0)
        XCTAssertEqual(data[9], 0)
        let nameLength = Int(data[26]) | Int(data[27]) << 8
        let extraLength = Int(data[28]) | Int(data[29]) << 8
        XCTAssertEqual(String(decoding: data[30..<30 + nameLength], as: UTF8.self), "mimetype")
        XCTAssertEqual(extraLength, 0, "nothing between the name and the type (ODF 1.3, 3.3)")
        let type = "application/vnd.oasis.opendocument.text"
        XCTAssertEqual(String(decoding: data[(30 + nameLength)..<(30 + nameLength + type.utf8.count)], as: UTF8.self), type)

        let entries = try Self.entries(data)
        XCTAssertEqual(entries.map(\.path), ["mimetype", "styles.xml", "META-INF/manifest.xml", "content.xml", "meta.xml"])
        XCTAssertTrue(entries[0].stored)
        XCTAssertEqual(String(decoding: entries[0].data, as: UTF8.self), type)
        XCTAssertEqual(entries.filter(\.stored).count, 1, "the XML parts are compressed")
        XCTAssertEqual(String(decoding: entries[1].data, as: UTF8.self), ODTWriter.styles(language: "fr"))
        let manifest = String(decoding: entries[2].data, as: UTF8.self)
        for part in ["content.xml", "styles.xml", "meta.xml"] {
            XCTAssertTrue(manifest.contains("manifest:full-path=\"\(part)\" manifest:media-type=\"text/xml\""), part)
        }
        XCTAssertTrue(manifest.contains("manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"\(type)\""))
        for entry in entries where entry.path.hasSuffix(".xml") {
            XCTAssertTrue(Self.isWellFormed(entry.data), "\(entry.path) is not well-formed XML")
        }
        let meta = String(decoding: entries[4].data, as: UTF8.self)
        XCTAssertTrue(meta.contains("<dc:title>Trame</dc:title>"))
        XCTAssertTrue(meta.contains("<dc:creator>Agnès &amp; Cie</dc:creator>"))
        XCTAssertTrue(meta.contains("<meta:creation-date>2026-05-26T00:00:00</meta:creation-date>"))
    }

    func testSameInputSameBytesDatedByTheItem() throws {
        let markdown = "## Partie\n\n- un\n- deux[^1]\n\n[^1]: Une note.\n"
        let first = try Self.package(markdown)
        Thread.sleep(forTimeInterval: 1.1)
        let second = try Self.package(markdown)
        XCTAssertEqual(first, second, "two builds give the same bytes")
        XCTAssertNotEqual(try Self.package(markdown, day: LocalDate(iso: "2026-05-27")), first, "the item's date dates the entries")
        // The MS-DOS dates of the local headers, whatever the time zone: noon on 1 January 2000
        // for the parts every document has, noon on the item's day for its own.
        var dates: [String: (time: Int, date: Int)] = [:]
        var offset = 0
        while offset + 30 <= first.count, Array(first[offset..<offset + 4]) == [0x50, 0x4B, 0x03, 0x04] {
            func field(_ at: Int) -> Int { Int(first[offset + at]) | Int(first[offset + at + 1]) << 8 }
            let name = String(decoding: first[(offset + 30)..<(offset + 30 + field(26))], as: UTF8.self)
            dates[name] = (field(10), field(12))
            offset += 30 + field(26) + field(28) + (field(18) | field(20) << 16)
        }
        XCTAssertEqual(dates.keys.sorted(), ["META-INF/manifest.xml", "content.xml", "meta.xml", "mimetype", "styles.xml"])
        for (name, stamp) in dates {
            XCTAssertEqual(stamp.time, 12 << 11, name)
            let day = ["content.xml", "meta.xml"].contains(name) ? (2026 - 1980) << 9 | 5 << 5 | 26 : (2000 - 1980) << 9 | 1 << 5 | 1
            XCTAssertEqual(stamp.date, day, name)
        }
    }

    /// The parts every document has are compressed once per build: each package starts with the
    /// same bytes, and holds what a package made alone holds.
    func testPackagesOfASiteShareTheirStart() throws {
        let shared = ODTPackage.Shared(styles: ODTWriter.styles(language: "fr"))
        let start = try shared.start()
        XCTAssertEqual(try Self.entries(start).map(\.path), ["mimetype", "styles.xml", "META-INF/manifest.xml"])
        let firstOwn = start.count - Self.centralDirectorySize(start)
        let days = [LocalDate(iso: "2024-02-29"), nil, LocalDate(iso: "2026-05-26")]
        for (index, day) in days.enumerated() {
            let content = "<c>\(index)</c>", meta = "<m>\(index)</m>"
            let package = try ODTPackage.zip(content: content, meta: meta, day: day, shared: shared)
            let alone = try Self.alone(content: content, meta: meta, day: day)
            XCTAssertEqual(package, alone)
            // The shared entries' local headers and data come first, unchanged.
            XCTAssertEqual(package.prefix(firstOwn), start.prefix(firstOwn))
            XCTAssertEqual(try Self.entries(package).map { String(decoding: $0.data, as: UTF8.self) }.suffix(2), [content, meta])
        }
    }

    /// The size of a ZIP's central directory and end record: what follows the entries' data.
    static func centralDirectorySize(_ data: Data) -> Int {
        // The end of central directory record (no comment): its size of the directory at 12, offset at 16.
        let end = data.count - 22
        func word(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(data[end + at + $1]) << (8 * $1) } }
        return data.count - word(16)
    }

    // MARK: - Markdown

    func testHeadingsListsTablesFootnotesLinksAndEmphasisAreMapped() throws {
        let markdown = """
            ## Première partie

            Un texte **fort**, *penché*, ~~barré~~ et du `code`, avec un [lien](../autre/) et une note[^n], citée deux fois[^n].

            ### Sous-partie

            - premier
              - imbriqué
                1. numéroté
            - second

            3. trois
            4. quatre

            | Rôle | Qui |
            |---|---|
            | Animation | [nom] |

            > Une citation.

            ```
            ligne  un
            ```

            - [ ] à faire
            - [x] fait

            ---

            [^n]: Le texte de la note, avec [un lien](https://exemple.org/loi).

            """
        let xml = Self.content(markdown)
        let headings = Self.elements("text:h", in: xml)
        XCTAssertEqual(headings.texts, ["Première partie", "Sous-partie"])
        XCTAssertEqual(headings.attributes.map { $0["text:outline-level"] }, ["1", "2"], "the body's highest heading is level 1")
        XCTAssertEqual(Self.elements("text:p", in: xml).texts.first, "Titre")
        XCTAssertTrue(xml.contains("<text:span text:style-name=\"Strong_20_Emphasis\">fort</text:span>"))
        XCTAssertTrue(xml.contains("<text:span text:style-name=\"Emphasis\">penché</text:span>"))
        XCTAssertTrue(xml.contains("<text:span text:style-name=\"Castor_20_Strikethrough\">barré</text:span>"))
        XCTAssertTrue(xml.contains("<text:span text:style-name=\"Source_20_Text\">code</text:span>"))
        XCTAssertTrue(xml.contains("xlink:href=\"https://exemple.org/fiches/autre/\""), "relative links made absolute")
        let lists = Self.elements("text:list", in: xml)
        XCTAssertEqual(lists.attributes.count, 5, "two nested in the first list, the numbered one, the task list")
        XCTAssertTrue(xml.contains("<text:list-item text:start-value=\"3\">"))
        XCTAssertTrue(xml.contains("<text:list text:style-name=\"Castor_20_Bullets\"><text:list-item><text:p text:style-name=\"List_20_Contents\">premier</text:p><text:list "),
            "a nested list inside its item")
        let notes = Self.elements("text:note-body", in: xml)
        XCTAssertEqual(notes.texts, ["Le texte de la note, avec un lien."])
        XCTAssertTrue(xml.contains("<text:note-citation>1</text:note-citation>"))
        XCTAssertTrue(xml.contains("citée deux fois<text:span text:style-name=\"Footnote_20_anchor\">1</text:span>"), "a second citation is no second note")
        XCTAssertTrue(xml.contains("xlink:href=\"https://exemple.org/loi\""))
        XCTAssertEqual(Self.elements("table:table-cell", in: xml).texts, ["Rôle", "Qui", "Animation", "[nom]"])
        XCTAssertTrue(xml.contains("<table:table-header-rows>"))
        XCTAssertTrue(xml.contains("text:style-name=\"Quotations\">Une citation.</text:p>"))
        XCTAssertTrue(xml.contains("<text:p text:style-name=\"Preformatted_20_Text\">ligne <text:s/>un</text:p>"))
        XCTAssertTrue(xml.contains("☐ à faire"))
        XCTAssertTrue(xml.contains("☑ fait"))
        XCTAssertTrue(xml.contains("Horizontal_20_Line"))
    }

    func testBlanksToFillAreHighlighted() {
        let xml = Self.content("Charte du groupe « [NOM DU GROUPE] », adoptée le ____________ ; voir [la page](x/) et la note[^1].\n\n[^1]: Note.\n")
        XCTAssertEqual(Self.blanks(in: xml), ["[NOM DU GROUPE]", "____________"])
        XCTAssertTrue(ODTWriter.styles(language: "fr").contains(
            "<style:style style:name=\"Castor_20_Placeholder\" style:display-name=\"Castor Placeholder\" style:family=\"text\"><style:text-properties fo:background-color=\"#fff2a8\"/>"),
            "highlighted")
        XCTAssertEqual(Self.elements("text:a", in: xml).texts.last, "la page", "a link is no blank")
        XCTAssertEqual(ODTMarkdown.placeholders(in: "[…] et [à compléter], mais ni [] ni [^1] ni __ ni [a [b]").count, 3)
    }

    /// Packages made at once on all cores (as the build makes them, sharing their start) each
    /// keep their own date in their own entries, and the shared ones keep 1 January 2000:
    /// ZIPFoundation's `gmtime` shares one buffer between threads.
    func testPackagesMadeAtOnceKeepTheirOwnDates() throws {
        let days = (0..<6000).map { LocalDate(year: $0 % 2 == 0 ? 2022 : 2025, month: 1 + $0 % 12, day: 1 + $0 % 28)! }
        let shared = ODTPackage.Shared(styles: "<s/>")
        let packages = days.parallelMap { day in
            try? ODTPackage.zip(content: "<c/>", meta: "<m/>", day: day, shared: shared)
        }
        for (day, package) in zip(days, packages) {
            let data = try XCTUnwrap(package)
            let archive = try Archive(data: data, accessMode: .read)
            XCTAssertEqual(archive.map(\.path).count, 5)
            for entry in archive {
                let own = ["content.xml", "meta.xml"].contains(entry.path)
                let expected = own ? "\(day.year)-\(day.month)-\(day.day)" : "2000-1-1"
                let date = try XCTUnwrap(entry.fileAttributes[.modificationDate] as? Date)
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "UTC")!
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                XCTAssertEqual("\(parts.year!)-\(parts.month!)-\(parts.day!)", expected, entry.path)
            }
        }
    }

    /// `spaced` works on bytes when every space and tab is a character of its own, and falls back
    /// to characters otherwise: both give the same text, including where a combining accent
    /// follows a space or an Arabic sign (one that joins the next character) precedes one.
    func testSpacedTextIsTheSameOverBytesAndCharacters() {
        let texts = [
            "", " ", "  deux", "a  b   c ", "\tà\t\t« guillemets » & <b> \"x\" 'y'", "fin  ", "ctrl\u{01}\u{1F}x\r\ny",
            "é è ê ç œ — … ’ € 😀  ok", "a \u{301}b", "a\t\u{301}b", "x \u{0600} y", "\u{0600} z", "  \u{11BD}x",
            "Le « à compléter » ; l’été — 12 € ", "a \u{200D}b", "a \u{FE0F}b", "a \u{20D7}b", "a \u{1F3FB}b",
        ]
        for text in texts {
            XCTAssertEqual(ODTMarkdown.spaced(text), ODTMarkdown.spacedCharacters(text), "« \(text.debugDescription) »")
        }
        // Many mixes of spaces, tabs and the scalars that could join them.
        let alphabet: [String] = [
            " ", " ", "\t", "a", "é", "\u{301}", "\u{0600}", "&", "<", "'", "\u{200D}", "€", "\u{1}", "\r", "\n", "😀", "\u{FE0F}", "’", "«",
        ]
        var seed: UInt64 = 15
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<8 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += alphabet[Int(seed >> 33) % alphabet.count]
            }
            XCTAssertEqual(ODTMarkdown.spaced(text), ODTMarkdown.spacedCharacters(text), "« \(text.debugDescription) »")
        }
        XCTAssertNotNil(ODTMarkdown.spacedBytes("Le « à compléter » ; l’été — 12 €  "), "French text takes the byte path")
        XCTAssertNil(ODTMarkdown.spacedBytes("a \u{301}b"), "a space with a combining accent is no space of its own")
        XCTAssertEqual(ODTMarkdown.spaced(" a  b\tc & d"), "<text:s/>a <text:s/>b<text:tab/>c &amp; d")
    }

    func testTextIsEscapedAndContactsMasked() {
        let xml = Self.content("## A & B < C > D\n\nÉcrire à marie.dupont@exemple.org ou au 06 12 34 56 78, [courriel](mailto:marie.dupont@exemple.org) & <b>gras</b>.\n")
        XCTAssertTrue(xml.contains("A &amp; B &lt; C &gt; D"))
        XCTAssertFalse(xml.contains("marie.dupont"))
        XCTAssertFalse(xml.contains("06 12 34 56 78"))
        XCTAssertTrue(xml.contains(ContactMask.placeholder.replacingOccurrences(of: "[", with: "[")))
        XCTAssertFalse(xml.contains("<b>"), "raw HTML is never copied")
        XCTAssertEqual(Self.elements("text:h", in: xml).texts, ["A & B < C > D"])
    }

    // MARK: - Declaration

    func testDeclarationMistakesAreReportedWithTheirPlace() {
        let yaml = """
            collections:
              fiches:
                label: Fiches
                singular: Fiche
                groups: fiche_types
                odt: {groups: [trames-types], titre: Modifier, label: ""}
                fields:
                  title: {type: text, label: Titre, required: true}
              partenaires:
                label: Partenaires
                singular: Partenaire
                odt: {groups: [annuaire]}
                fields:
                  title: {type: text, label: Nom, required: true}
              lettres:
                label: Lettres
                singular: Lettre
                odt: oui
                fields:
                  title: {type: text, label: Titre, required: true}

            """
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "collections.yml", vocabularies: ["fiche_types"])
        XCTAssertNil(collections)
        let lines = diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.message)" }
        let expected = [
            "collections.yml:6:35 clé inconnue « titre » dans « odt » de la collection « fiches »",
            "collections.yml:6:59 « odt » : « label » manquant ou vide",
            "collections.yml:12:11 « odt » : la collection « partenaires » n'a pas de sous-dossiers (« groups »)",
            "collections.yml:18:10 « odt » de la collection « lettres » vaut true, false, ou s'écrit avec des clés (groups, label)",
        ]
        for line in expected {
            XCTAssertTrue(lines.contains { $0.hasPrefix(line) }, "missing: \(line)\n" + lines.joined(separator: "\n"))
        }
        XCTAssertEqual(lines.count, expected.count, lines.joined(separator: "\n"))
    }

    func testDeclarationIsReadForEveryCollection() throws {
        let yaml = """
            collections:
              fiches:
                label: Fiches
                singular: Fiche
                groups: fiche_types
                odt:
                  groups: [trames-types, boite-a-outils]
                fields:
                  title: {type: text, label: Titre, required: true}
              partenaires:
                label: Partenaires
                singular: Partenaire
                odt: true
                fields:
                  title: {type: text, label: Nom, required: true}
              lettres:
                label: Lettres
                singular: Lettre
                odt: {label: Version modifiable}
                fields:
                  title: {type: text, label: Titre, required: true}

            """
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "collections.yml", vocabularies: ["fiche_types"])
        XCTAssertEqual(diagnostics.map(\.message), [])
        let declared = try XCTUnwrap(collections)
        let fiches = try XCTUnwrap(declared[0].publishing.editableDocuments)
        XCTAssertEqual(fiches.groups, ["trames-types", "boite-a-outils"])
        XCTAssertEqual(fiches.label, EditableDocumentDeclaration.defaultLabel)
        XCTAssertTrue(fiches.covers(group: "trames-types"))
        XCTAssertFalse(fiches.covers(group: "structures-juridiques"))
        XCTAssertTrue(try XCTUnwrap(declared[1].publishing.editableDocuments).covers(group: nil))
        XCTAssertEqual(declared[2].publishing.editableDocuments?.label, "Version modifiable")
    }

    func testAGroupThatSiteYmlDoesNotListIsAnError() throws {
        let folder = try EditableDocumentSiteTests.copyFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try EditableDocumentSiteTests.replaceInDeclarations("groups: [trames-types]", with: "groups: [trame-types]", in: content)
        let setup = SiteSetup.load(contentRoot: content.path)
        let errors = setup.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 1, errors.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(
            errors.first?.message,
            "« odt » de la collection « fiches » : « trame-types » n'est pas une valeur de la liste « fiche_types » de site.yml : vouliez-vous écrire « trames-types » ?")
        XCTAssertTrue(errors.first?.file.hasSuffix("collections.yml") ?? false)
        XCTAssertGreaterThan(errors.first?.line ?? 0, 1)
        XCTAssertNil(setup.collections)
    }
}
