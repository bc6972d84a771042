import XCTest

@testable import CastorKit

final class FrontMatterTests: XCTestCase {
    func testSplitsYAMLAndBodyWithLineOfBody() throws {
        let split = try FrontMatter.split("---\ntitle: A\nsummary: B\n---\n# Titre\n")
        XCTAssertEqual(split.yaml, "title: A\nsummary: B\n")
        XCTAssertEqual(split.body, "# Titre\n")
        XCTAssertEqual(split.bodyFirstLine, 5)
    }

    func testAcceptsWindowsLineEndsAndByteOrderMark() throws {
        let split = try FrontMatter.split("\u{FEFF}---\r\ntitle: A\r\n---\r\ntexte")
        XCTAssertEqual(split.yaml, "title: A\n")
        XCTAssertEqual(split.body, "texte")
    }

    func testMissingDelimitersAreReported() {
        XCTAssertThrowsError(try FrontMatter.split("title: A\n")) { XCTAssertEqual($0 as? FrontMatter.Failure, .missingOpening) }
        XCTAssertThrowsError(try FrontMatter.split("---\ntitle: A\n")) { XCTAssertEqual($0 as? FrontMatter.Failure, .missingClosing) }
    }

    func testYAMLErrorsCarryTheFileLine() {
        XCTAssertThrowsError(try YAMLReader.read("title: A\nsummary: [pas fermé\n", lineOffset: 1)) { error in
            let failure = error as! YAMLReader.Failure
            XCTAssertGreaterThanOrEqual(failure.position.line, 3)
            XCTAssertTrue(failure.message.hasPrefix("en-tête YAML invalide"), failure.message)
        }
    }

    func testAliasBombIsRefusedQuickly() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...12 {
            yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let start = Date()
        XCTAssertThrowsError(try YAMLReader.read(yaml, lineOffset: 1)) { error in
            XCTAssertTrue((error as! YAMLReader.Failure).message.contains("alias"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testNonUTF8IsLocated() {
        let bytes = Array("---\ntitle: é\n".utf8) + [0xFF, 0x41]
        guard case .failure(let error) = TextDecoding.utf8(bytes) else { return XCTFail("accepted") }
        XCTAssertEqual(error.position, SourcePosition(line: 3, column: 1))
    }
}

final class DateTests: XCTestCase {
    func testParsesDatesAndRejectsImpossibleOnes() {
        XCTAssertEqual(LocalDate(iso: "2028-02-29")?.iso, "2028-02-29")
        XCTAssertNil(LocalDate(iso: "2027-02-29"))
        XCTAssertNil(LocalDate(iso: "2027-13-01"))
        XCTAssertNil(LocalDate(iso: "12/05/2027"))
        XCTAssertEqual(LocalDateTime(iso: "2027-05-12T09:30")?.iso, "2027-05-12T09:30")
        XCTAssertEqual(LocalDateTime(iso: "2027-05-12 09:30:00")?.hour, 9)
        XCTAssertNil(LocalDateTime(iso: "2027-05-12T25:00"))
    }

    func testDayNumbersRoundTripAndWeekdays() {
        let date = LocalDate(year: 2027, month: 6, day: 12)!
        XCTAssertEqual(LocalDate(dayNumber: date.dayNumber), date)
        XCTAssertEqual(French.longDate(date), "samedi 12 juin 2027")
        XCTAssertEqual(French.date(LocalDate(year: 2026, month: 3, day: 1)!), "1er mars 2026")
        XCTAssertEqual(LocalDate(year: 2026, month: 12, day: 31)!.adding(days: 1).iso, "2027-01-01")
    }

    func testFrenchEventLabels() throws {
        func event(_ start: String, _ end: String?) throws -> Event {
            let yaml = "title: T\nstart: \(start)\n" + (end.map { "end: \($0)\n" } ?? "")
            return Event(try entry(BuiltinCollections.events, yaml: yaml))
        }
        XCTAssertEqual(try event("2027-06-12T09:30", "2027-06-12T17:00").frenchDateLabel, "samedi 12 juin 2027, 9 h 30 – 17 h")
        XCTAssertEqual(try event("2027-06-12", "2027-06-14").frenchDateLabel, "du 12 au 14 juin 2027")
        XCTAssertEqual(try event("2027-06-30", "2027-07-02").frenchDateLabel, "du 30 juin au 2 juillet 2027")
        XCTAssertEqual(try event("2027-06-12", nil).frenchDateLabel, "samedi 12 juin 2027")
    }

    func testSizesAndPrices() {
        XCTAssertEqual(French.fileSize(12_345), "12 Ko")
        XCTAssertEqual(French.fileSize(1_400_000), "1,4 Mo")
        XCTAssertEqual(French.price(120_000), "120\u{202F}000\u{00A0}€")
        XCTAssertEqual(French.price(450.5), "450,50\u{00A0}€")
    }
}

final class ValidationTests: XCTestCase {
    func testValidFicheBecomesAnEntryWithItsURL() throws {
        let fiche = try entry(
            BuiltinCollections.fiches, yaml: "title: SCIC\nsummary: S\nupdated: 2026-03-01\nthemes: [juridique]\n",
            group: "structures-juridiques", slug: "scic")
        XCTAssertEqual(fiche.url, "fiches/structures-juridiques/scic/")
        XCTAssertEqual(Fiche(fiche).themes, ["juridique"])
    }

    func testEveryProblemOfADocumentIsReportedWithItsPosition() {
        let (entry, diagnostics) = validate(
            BuiltinCollections.fiches,
            yaml: "title: SCIC\nthemes: [juridique, inconnu]\nupdated: 2026-02-30\nsumary: x\n", group: "structures-juridiques")
        XCTAssertNil(entry)
        let text = diagnostics.map(\.formatted).joined(separator: "\n")
        XCTAssertTrue(text.contains("x.md:3:21: erreur : valeur « inconnu » absente de la liste « themes »"), text)
        XCTAssertTrue(text.contains("x.md:4:10: erreur : date impossible dans « updated »"), text)
        XCTAssertTrue(text.contains("x.md:5:1: avertissement : champ inconnu « sumary »"), text)
        XCTAssertTrue(text.contains("vouliez-vous écrire « summary » ?"), text)
        XCTAssertTrue(text.contains("champ obligatoire manquant : « summary »"), text)
    }

    func testEventEndBeforeStartAndUnknownStatus() {
        let (_, diagnostics) = validate(
            BuiltinCollections.events, yaml: "title: T\nstart: 2027-05-12T10:00\nend: 2027-05-12T09:00\nstatus: annule\nonline: pas une url\n")
        let text = diagnostics.map(\.formatted).joined(separator: "\n")
        XCTAssertTrue(text.contains(":4:6: erreur : « end » (2027-05-12T09:00) est avant « start » (2027-05-12T10:00)"), text)
        XCTAssertTrue(text.contains(":5:9: erreur : valeur inconnue pour « status » : « annule »"), text)
        XCTAssertTrue(text.contains(":6:9: erreur : adresse web invalide dans « online »"), text)
    }

    func testAdContactsAndPrices() {
        XCTAssertEqual(ContactKind("contact@groupe.example.org"), .email)
        XCTAssertEqual(ContactKind("06 12 34 56 78"), .phone)
        XCTAssertEqual(ContactKind("+33 6 12 34 56 78"), .phone)
        XCTAssertEqual(ContactKind("https://groupe.example.org/contact"), .web)
        XCTAssertNil(ContactKind("appelez-moi"))
        XCTAssertNil(ContactKind("a@b"))
        let (_, diagnostics) = validate(
            BuiltinCollections.ads,
            yaml: "title: T\ncategory: terrain\npublished: 2026-05-01\nexpires: 2026-04-01\ncontact: téléphone\nprice: -3\n")
        let text = diagnostics.map(\.formatted).joined(separator: "\n")
        XCTAssertTrue(text.contains("contact invalide"), text)
        XCTAssertTrue(text.contains("le prix ne peut pas être négatif"), text)
        XCTAssertTrue(text.contains("« expires » (2026-04-01) est avant « published » (2026-05-01)"), text)
    }

    func testAdExpiryIncludesItsLastDay() throws {
        let ad = Ad(try entry(BuiltinCollections.ads, yaml: "title: T\ncategory: terrain\npublished: 2026-05-01\nexpires: 2026-11-23\ncontact: a@b.fr\n"))
        XCTAssertFalse(ad.isExpired(today: LocalDate(iso: "2026-11-23")!))
        XCTAssertTrue(ad.isExpired(today: LocalDate(iso: "2026-11-24")!))
    }

    func testSlugsFoldFrenchText() {
        XCTAssertEqual(Slug.make("Décision par consentement"), "decision-par-consentement")
        XCTAssertEqual(Slug.make("Œuvre « collective » à l'École !"), "oeuvre-collective-a-l-ecole")
    }
}

final class LinkAndURLTests: XCTestCase {
    func testRelativeURLs() {
        XCTAssertEqual(URLPaths.relative(from: "fiches/a/scic/", to: "fiches/b/kit/"), "../../b/kit/")
        XCTAssertEqual(URLPaths.relative(from: "fiches/a/scic/", to: "fiches/a/scic/statuts.odt"), "statuts.odt")
        XCTAssertEqual(URLPaths.relative(from: "", to: "fiches/"), "fiches/")
        XCTAssertEqual(URLPaths.relative(from: "fiches/", to: ""), "../")
        XCTAssertEqual(URLPaths.root(of: "fiches/a/scic/"), "../../../")
        XCTAssertEqual(URLPaths.root(of: ""), "./")
    }

    func testMarkdownLinksAreRewrittenOrReported() throws {
        let scic = try entry(BuiltinCollections.fiches, yaml: "title: S\nsummary: s\nupdated: 2026-01-01\n", group: "structures-juridiques", slug: "scic")
        let resolver = LinkResolver(
            targets: [
                "fiches/structures-juridiques/scic.md": .init(url: scic.url, isPublished: true, fallbackURL: "fiches/"),
                "fiches/boite-a-outils/kit/index.md": .init(url: "fiches/boite-a-outils/kit/", isPublished: true, fallbackURL: "fiches/"),
            ], assets: ["fiches/structures-juridiques/statuts type.odt"])
        let at = SourcePosition(line: 9, column: 3)
        guard case .replace(let url) = resolver.resolve("../boite-a-outils/kit/index.md#jour-j", from: scic, at: at) else { return XCTFail() }
        XCTAssertEqual(url, "../../boite-a-outils/kit/#jour-j")
        guard case .replace(let file) = resolver.resolve("statuts%20type.odt", from: scic, at: at) else { return XCTFail() }
        XCTAssertEqual(file, "../statuts%20type.odt")
        guard case .keep = resolver.resolve("https://example.org/a.md", from: scic, at: at) else { return XCTFail() }
        guard case .problem(let missing) = resolver.resolve("../boite-a-outils/kti.md", from: scic, at: at) else { return XCTFail() }
        XCTAssertEqual(missing.severity, .error)
        XCTAssertEqual(missing.line, 9)
        guard case .problem(let escape) = resolver.resolve("../../../../etc/passwd", from: scic, at: at) else { return XCTFail() }
        XCTAssertTrue(escape.message.contains("sort du dossier de contenu"))
    }

    func testHeadingsGetStableUniqueAnchorsAndOneH1() {
        let renderer = MarkdownRenderer()
        let result = renderer.render("# Étape\n\n## Étape\n\ntexte", file: "x.md", firstLine: 5)
        XCTAssertEqual(result.headings.map(\.id), ["etape", "etape-2"])
        XCTAssertTrue(result.html.contains("<h2 id=\"etape\">Étape</h2>"), result.html)
        XCTAssertTrue(result.html.contains("<h3 id=\"etape-2\">Étape</h3>"), result.html)
        XCTAssertFalse(result.html.contains("<h1"))
    }

    func testRawHTMLAndDangerousURLsNeverPass() {
        let renderer = MarkdownRenderer()
        let html = renderer.render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1))", file: "x.md", firstLine: 1).html
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("onerror"))
        XCTAssertFalse(html.contains("javascript:"))
    }

    func testOneThreadAndManyThreadsGiveTheSameBytes() {
        let renderer = MarkdownRenderer()
        let documents = (0..<400).map { i in
            "## Titre \(i)\n\n~~barré \(i)~~ et **gras**, | a | b |\n|---|---|\n| \(i) | x |\n\nhttps://exemple.org/\(i) [^n]\n\n[^n]: note \(i)\n"
        }
        let serial = documents.map { renderer.render($0, file: "x.md", firstLine: 1).html }
        let parallel = documents.parallelMap { renderer.render($0, file: "x.md", firstLine: 1).html }
        XCTAssertEqual(serial, parallel)
        XCTAssertTrue(serial[7].contains("<del>barré 7</del>"))
    }

    func testHugeInputsStayFast() {
        let renderer = MarkdownRenderer()
        let start = Date()
        let paragraph = String(repeating: "mot ", count: 500_000)
        let quotes = String(repeating: ">", count: 5_000) + " fin"
        XCTAssertFalse(renderer.render(paragraph, file: "x.md", firstLine: 1).html.isEmpty)
        XCTAssertFalse(renderer.render(quotes, file: "x.md", firstLine: 1).html.isEmpty)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }
}

// MARK: - Helpers

let testConfig: SiteConfig = {
    let yaml = """
        title: T
        base_url: https://example.org/
        fiche_types: {structures-juridiques: Structures juridiques, boite-a-outils: Boîte à outils}
        themes: {juridique: Juridique}
        regions: {bretagne: Bretagne}
        ad_categories: {terrain: Terrain}
        """
    return SiteConfig.load(yaml: yaml, file: "site.yml").0!
}()

func validate(_ schema: CollectionSchema, yaml: String, group: String? = nil, slug: String = "x") -> (Entry?, [Diagnostic]) {
    let tree = try! YAMLReader.read(yaml, lineOffset: 1)
    let path = [schema.id, group, slug + ".md"].compactMap { $0 }.joined(separator: "/")
    let document = SourceDocument(
        collection: schema, relativePath: path, displayPath: "content/" + path, group: group, slug: slug,
        isBundle: false, frontMatter: tree, body: "", bodyFirstLine: 10)
    return Validator(config: testConfig, contentRoot: "/nonexistent").validate(document)
}

func entry(_ schema: CollectionSchema, yaml: String, group: String? = nil, slug: String = "x") throws -> Entry {
    let (entry, diagnostics) = validate(schema, yaml: yaml, group: group, slug: slug)
    guard let entry else { throw DiagnosticList(diagnostics) }
    return entry
}

final class EscapeTests: XCTestCase {
    func testEscapesLikeMustacheAndDropsControlCharacters() {
        XCTAssertEqual(Escape.xml("<img src=x onerror=\"alert('1')\"> & co"), "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co")
        XCTAssertEqual(Escape.xml("Coopérative d’habitants\n"), "Coopérative d’habitants\n")
        XCTAssertEqual(Escape.xml("a\u{0001}b"), "ab")
    }
}

final class AdTests: XCTestCase {
    func testDefaultLifetimeAppliesWhenExpiresIsMissing() throws {
        let entry = try entry(BuiltinCollections.ads, yaml: "title: T\ncategory: terrain\npublished: 2026-09-01\ncontact: a@b.fr\n")
        let ad = Ad(entry, defaultLifetimeDays: 90)
        XCTAssertTrue(ad.usesDefaultLifetime)
        XCTAssertEqual(ad.expires.iso, "2026-11-30")
        XCTAssertFalse(ad.isExpired(today: LocalDate(iso: "2026-11-30")!), "shown on its last day")
        XCTAssertTrue(ad.isExpired(today: LocalDate(iso: "2026-12-01")!))
        XCTAssertTrue(ad.expiresSoon(today: LocalDate(iso: "2026-11-16")!))
        XCTAssertFalse(ad.expiresSoon(today: LocalDate(iso: "2026-11-15")!))
        XCTAssertEqual(Ad(entry, defaultLifetimeDays: 30).expires.iso, "2026-10-01")
    }

    func testContactsAreNeverLeftAsPlainText() {
        let html = "<p>Écrire à <a href=\"mailto:marie.dupont@groupe-exemple.fr\">marie.dupont@groupe-exemple.fr</a> ou appeler le 06 12 34 56 78, +33 6 12 34 56 78 ou 06.12.34.56.78.</p>"
        let masked = ContactMask.maskAll(in: html)
        for plain in ["marie.dupont@groupe-exemple.fr", "06 12 34 56 78", "+33 6 12 34 56 78", "06.12.34.56.78"] {
            XCTAssertFalse(masked.contains(plain), plain)
        }
        XCTAssertTrue(masked.contains("&#109;&#97;&#114;"))
        let untouched = "<p>Le 2026-11-23, 120000 € et https://exemple.org/0612345678 : <time datetime=\"2026-03-01\">1er mars</time></p>"
        XCTAssertEqual(ContactMask.maskAll(in: untouched), untouched)
        XCTAssertEqual(ContactMask.href("06 12 34 56 78"), "tel:0612345678")
        let scrambled = ContactMask.scrambled("a@b.fr")
        XCTAssertEqual(String(decoding: Data(base64Encoded: scrambled)!, as: UTF8.self), "rf.b@a")
    }
}

final class FrenchTypographyTests: XCTestCase {
    let nnbsp = "\u{202F}"
    let nbsp = "\u{00A0}"

    func testSpacesBeforePunctuationAndInsideQuotesBecomeNoBreak() {
        let html = "<p>Pourquoi ? Parce que ! Voici : la liste ; « la SCIC » et «coopérative».</p>"
        XCTAssertEqual(
            FrenchTypography.apply(html),
            "<p>Pourquoi\(nnbsp)? Parce que\(nnbsp)! Voici\(nbsp): la liste\(nnbsp); «\(nnbsp)la SCIC\(nnbsp)» et «\(nnbsp)coopérative\(nnbsp)».</p>")
    }

    func testNumbersAndUnits() {
        XCTAssertEqual(FrenchTypography.apply("<td>120 000 €</td><td>50 %</td><td>2 000 m²</td><td>3 habitants</td>"),
            "<td>120\(nnbsp)000\(nbsp)€</td><td>50\(nbsp)%</td><td>2\(nnbsp)000\(nbsp)m²</td><td>3 habitants</td>")
    }

    func testCodeURLsAttributesAndEntitiesAreLeftAlone() {
        let untouched = [
            "<pre><code>if a ? b : c ;</code></pre>",
            "<p>Voir <code>x ? y</code></p>",
            "<a href=\"https://exemple.org/?q=a :b\" title=\"Quoi ?\">https://exemple.org/a</a>",
            "<p>A &amp; B &lt; C</p>",
            "<script>var a = b ? 1 : 2;</script>",
            "<p>9:30, http://exemple.org</p>",
        ]
        for html in untouched {
            XCTAssertEqual(FrenchTypography.apply(html), html)
        }
        XCTAssertEqual(FrenchTypography.apply("<p>Voir <code>x ? y</code> ?</p>"), "<p>Voir <code>x ? y</code>\(nnbsp)?</p>")
    }

    func testExistingNoBreakSpacesAreNotDoubled() {
        let html = "<p>Déjà\(nnbsp)? «\(nnbsp)oui\(nnbsp)» et &nbsp;: ok</p>"
        XCTAssertEqual(FrenchTypography.apply(html), html)
        XCTAssertEqual(FrenchTypography.apply(FrenchTypography.apply("<p>« a » ?</p>")), FrenchTypography.apply("<p>« a » ?</p>"))
    }
}

final class ImageSizeTests: XCTestCase {
    func testReadsSizesFromHeaders() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0x03, 0x20, 0, 0, 0x02, 0x58]  // 800 × 600
        XCTAssertEqual(ImageSize.of(png).map { [$0.width, $0.height] }, [800, 600])
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00]  // 320 × 240
        XCTAssertEqual(ImageSize.of(gif).map { [$0.width, $0.height] }, [320, 240])
        // SOI, an APP0 segment of 16 bytes, then SOF0 with height 480 and width 640.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14)
            + [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03]
        XCTAssertEqual(ImageSize.of(jpeg).map { [$0.width, $0.height] }, [640, 480])
        XCTAssertNil(ImageSize.of(Array("pas une image".utf8)))
    }
}
