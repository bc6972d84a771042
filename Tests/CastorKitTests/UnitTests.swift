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
            return Event(try entry(TestCollections.events, yaml: yaml), spec: TestCollections.events.publishing.calendar!)
        }
        XCTAssertEqual(try event("2027-06-12T09:30", "2027-06-12T17:00").frenchDateLabel, "samedi 12 juin 2027, 9 h 30 – 17 h")
        XCTAssertEqual(try event("2027-06-12", "2027-06-14").frenchDateLabel, "du 12 au 14 juin 2027")
        XCTAssertEqual(try event("2027-06-30", "2027-07-02").frenchDateLabel, "du 30 juin au 2 juillet 2027")
        XCTAssertEqual(try event("2027-06-12", nil).frenchDateLabel, "samedi 12 juin 2027")
        XCTAssertEqual(try event("2027-03-27T09:00", "2027-03-28T17:00").frenchDateLabel, "du 27 mars, 9 h, au 28 mars 2027, 17 h")
        XCTAssertEqual(
            try event("2026-12-31T20:00", "2027-01-01T02:00").frenchDateLabel, "du 31 décembre 2026, 20 h, au 1er janvier 2027, 2 h")
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
            TestCollections.fiches, yaml: "title: SCIC\nsummary: S\nupdated: 2026-03-01\nthemes: [juridique]\n",
            group: "structures-juridiques", slug: "scic")
        XCTAssertEqual(fiche.url, "fiches/structures-juridiques/scic/")
        XCTAssertEqual(Item(fiche).terms("themes"), ["juridique"])
    }

    func testEveryProblemOfADocumentIsReportedWithItsPosition() {
        let (entry, diagnostics) = validate(
            TestCollections.fiches,
            yaml: "title: SCIC\nthemes: [juridique, inconnu]\nupdated: 2026-02-30\nsumary: x\n", group: "structures-juridiques")
        XCTAssertNil(entry)
        let text = diagnostics.map(\.formatted).joined(separator: "\n")
        XCTAssertTrue(text.contains("x.md:3:21: erreur : valeur « inconnu » absente de la liste « themes »"), text)
        XCTAssertTrue(text.contains("x.md:4:10: erreur : date impossible dans « updated »"), text)
        // A near miss of a declared field is an error naming it (issue 11, item 8), and that field
        // is not reported missing a second time.
        XCTAssertTrue(text.contains("x.md:5:1: erreur : champ « sumary » inconnu : vouliez-vous écrire « summary » ?"), text)
        XCTAssertFalse(text.contains("champ obligatoire manquant : « summary »"), text)
    }

    func testEventEndBeforeStartAndUnknownStatus() {
        let (_, diagnostics) = validate(
            TestCollections.events, yaml: "title: T\nstart: 2027-05-12T10:00\nend: 2027-05-12T09:00\nstatus: annule\nonline: pas une url\n")
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
            TestCollections.ads,
            yaml: "title: T\ncategory: terrain\npublished: 2026-05-01\nexpires: 2026-04-01\ncontact: téléphone\nprice: -3\n")
        let text = diagnostics.map(\.formatted).joined(separator: "\n")
        XCTAssertTrue(text.contains("contact invalide"), text)
        XCTAssertTrue(text.contains("le prix ne peut pas être négatif"), text)
        XCTAssertTrue(text.contains("« expires » (2026-04-01) est avant « published » (2026-05-01)"), text)
    }

    func testAdExpiryIncludesItsLastDay() throws {
        let ad = try entry(TestCollections.ads, yaml: "title: T\ncategory: terrain\npublished: 2026-05-01\nexpires: 2026-11-23\ncontact: a@b.fr\n")
        XCTAssertFalse(TestCollections.ads.isExpired(ad, today: LocalDate(iso: "2026-11-23")!))
        XCTAssertTrue(TestCollections.ads.isExpired(ad, today: LocalDate(iso: "2026-11-24")!))
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
        let scic = try entry(TestCollections.fiches, yaml: "title: S\nsummary: s\nupdated: 2026-01-01\n", group: "structures-juridiques", slug: "scic")
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

    /// Huge inputs are rendered whole (their speed is the benchmark's business, not a timed test).
    func testHugeInputsAreRenderedWhole() {
        let renderer = MarkdownRenderer()
        let paragraph = String(repeating: "mot ", count: 500_000)
        let quotes = String(repeating: ">", count: 5_000) + " fin"
        let html = renderer.render(paragraph, file: "x.md", firstLine: 1).html
        XCTAssertTrue(html.hasPrefix("<p>mot mot"))
        XCTAssertEqual(html.utf8.count, "<p>".utf8.count + paragraph.utf8.count - 1 + "</p>\n".utf8.count)
        let nested = renderer.render(quotes, file: "x.md", firstLine: 1).html
        XCTAssertTrue(nested.contains("fin"))
        XCTAssertTrue(nested.hasPrefix("<blockquote>"))
    }
}

final class AgendaTests: XCTestCase {
    func event(_ yaml: String, slug: String = "x") throws -> Event {
        Event(try entry(TestCollections.events, yaml: "title: T\n" + yaml, slug: slug), spec: TestCollections.events.publishing.calendar!)
    }

    func site(_ events: [Event], baseURL: String = "https://example.org/") -> Site {
        var config = testConfig
        config.baseURL = baseURL
        var site = Site(config: config, today: LocalDate(iso: "2026-11-23")!, bodies: [:])
        // The agenda is the collection declared with `calendar:`; its items are the events.
        site.collections = [PublishedCollection(schema: TestCollections.events, items: events.map { Item($0.entry) })]
        return site
    }

    func testParisOffsetsAcrossTheClockChanges() {
        func offset(_ text: String) -> Int { ParisTime.offset(LocalDateTime(iso: text)!) }
        XCTAssertEqual(offset("2027-03-28T01:59"), 3600)
        XCTAssertEqual(offset("2027-03-28T02:30"), 3600, "a skipped time keeps the offset before the change")
        XCTAssertEqual(offset("2027-03-28T03:00"), 7200)
        XCTAssertEqual(offset("2026-10-25T02:30"), 7200, "a repeated time is the first one")
        XCTAssertEqual(offset("2026-10-25T03:00"), 3600)
        XCTAssertEqual(offset("1995-09-24T12:00"), 3600, "until 1995, summer time ended in September")
        XCTAssertEqual(offset("1995-10-01T12:00"), 3600)
        XCTAssertEqual(offset("1996-10-01T12:00"), 7200)
        XCTAssertEqual(ParisTime.utcStamp(LocalDateTime(iso: "2027-03-28T09:00")!), "20270328T070000Z")
        XCTAssertEqual(ParisTime.rfc3339(LocalDateTime(iso: "2027-03-27T09:00")!), "2027-03-27T09:00:00+01:00")
        // Foundation's zone data agrees, hour by hour, on every time that exists once.
        let zone = TimeZone(identifier: "Europe/Paris")!
        var day = LocalDate(iso: "1981-01-01")!
        while day.year < 2045 {
            for hour in stride(from: 0, to: 24, by: 5) where hour != 2 {
                let time = LocalDateTime(date: day, hour: hour, minute: 0)!
                let instant = Date(timeIntervalSince1970: Double(ParisTime.epochSeconds(time)))
                XCTAssertEqual(zone.secondsFromGMT(for: instant), ParisTime.offset(time), time.iso)
            }
            day = day.adding(days: 3)
        }
    }

    func testTextIsEscapedAndLinesFoldedOnCharacterBoundaries() {
        XCTAssertEqual(ICalendar.escape("Salle A\\B ; bât. 2, quai \"Nord\"\r\nfin"), "Salle A\\\\B \\; bât. 2\\, quai \"Nord\"\\nfin")
        let text = "DESCRIPTION:" + String(repeating: "Écoconstruction à l'œuvre — 🏡 ", count: 12)
        let folded = ICalendar.fold(text)
        XCTAssertTrue(folded.hasSuffix("\r\n"))
        let lines = folded.components(separatedBy: "\r\n").dropLast()
        XCTAssertGreaterThan(lines.count, 5)
        for (index, line) in lines.enumerated() {
            XCTAssertLessThanOrEqual(line.utf8.count, 75)
            if index > 0 { XCTAssertTrue(line.hasPrefix(" ")) }
        }
        XCTAssertEqual(lines.first! + lines.dropFirst().map { String($0.dropFirst()) }.joined(), text)
    }

    func testUIDsComeFromThePathAndTheHost() throws {
        let event = try event("start: 2027-01-16\n", slug: "rencontre")
        XCTAssertEqual(event.uid(config: site([]).config), "agenda/rencontre@example.org")
        XCTAssertEqual(
            event.uid(config: site([], baseURL: "http://moi@127.0.0.1:8080/reseau/ressources/").config),
            "reseau/ressources/agenda/rencontre@127.0.0.1")
        XCTAssertEqual(event.calendarFile, "agenda/rencontre/rencontre.ics")
    }

    func testCalendarTimesForEachKindOfEvent() throws {
        func lines(_ yaml: String) throws -> [String] { ICalendar.times(try event(yaml)) }
        XCTAssertEqual(try lines("start: 2027-06-12\n"), ["DTSTART;VALUE=DATE:20270612", "DTEND;VALUE=DATE:20270613"])
        XCTAssertEqual(try lines("start: 2027-06-30\nend: 2027-07-02\n"), ["DTSTART;VALUE=DATE:20270630", "DTEND;VALUE=DATE:20270703"])
        XCTAssertEqual(try lines("start: 2027-06-12\nend: 2027-06-13T12:00\n"), ["DTSTART;VALUE=DATE:20270612", "DTEND;VALUE=DATE:20270614"])
        XCTAssertEqual(
            try lines("start: 2027-03-27T09:00\nend: 2027-03-28T17:00\n"),
            ["DTSTART;TZID=Europe/Paris:20270327T090000", "DTEND;TZID=Europe/Paris:20270328T170000"])
        XCTAssertEqual(try lines("start: 2027-02-11T19:00\n"), ["DTSTART;TZID=Europe/Paris:20270211T190000"])
        XCTAssertEqual(
            try lines("start: 2027-02-11T19:00\nend: 2027-02-12\n"),
            ["DTSTART;TZID=Europe/Paris:20270211T190000", "DTEND;TZID=Europe/Paris:20270213T000000"])
        // Far in the past or the future: still a valid calendar.
        XCTAssertEqual(try lines("start: 1975-06-12T09:30\n"), ["DTSTART:19750612T083000Z"])
        XCTAssertEqual(try lines("start: 9999-12-30\nend: 9999-12-31\n"), ["DTSTART;VALUE=DATE:99991230", "DURATION:P2D"])
    }

    func testCalendarFileStructure() throws {
        let cancelled = try event("start: 2027-01-16T09:30\nend: 2027-01-16T17:00\nstatus: cancelled\nlocation: \"Tours; salle 2\"\n", slug: "atelier")
        let text = ICalendar.calendar([cancelled], site: site([cancelled]), name: "Agenda", source: "agenda/agenda.ics")
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
        for expected in [
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n", "UID:agenda/atelier@example.org\r\n",
            "DTSTAMP:20261123T000000Z\r\n", "SUMMARY:Annulé : T\r\n", "STATUS:CANCELLED\r\n", "LOCATION:Tours\\; salle 2\r\n",
            "URL:https://example.org/agenda/atelier/\r\n", "SOURCE;VALUE=URI:https://example.org/agenda/agenda.ics\r\n",
            "END:VCALENDAR\r\n",
        ] {
            XCTAssertTrue(text.contains(expected), expected)
        }
        XCTAssertEqual(ICalendar.description(cancelled, site: site([])), "Événement annulé.\n\nDétails : https://example.org/agenda/atelier/")
    }

    func testAtomOrdersByAnnouncementThenStart() throws {
        let old = try event("start: 2027-05-01\nannounced: 2026-09-01\n", slug: "ancien")
        let fresh = try event("start: 2027-06-01\nannounced: 2026-11-20\n", slug: "nouveau")
        let undated = try event("start: 2026-10-01\n", slug: "sans-date")
        let xml = AgendaFeeds.atom(site([undated, old, fresh]))
        let order = ["nouveau", "sans-date", "ancien"].map { xml.range(of: "agenda/\($0)/</id>")!.lowerBound }
        XCTAssertEqual(order, order.sorted())
        XCTAssertTrue(xml.contains("<updated>2026-11-20T00:00:00Z</updated>"))
        XCTAssertTrue(xml.contains("<published>2026-09-01T00:00:00Z</published>"))
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
        let entry = try entry(TestCollections.ads, yaml: "title: T\ncategory: terrain\npublished: 2026-09-01\ncontact: a@b.fr\n")
        // The ads declare `lifecycle: {field: expires, from: published, default_days: 90}`.
        let lifecycle = try XCTUnwrap(TestCollections.ads.publishing.lifecycle)
        XCTAssertTrue(lifecycle.usesDefault(entry))
        XCTAssertEqual(lifecycle.lastDay(of: entry)?.iso, "2026-11-30")
        XCTAssertFalse(lifecycle.isExpired(entry, today: LocalDate(iso: "2026-11-30")!), "shown on its last day")
        XCTAssertTrue(lifecycle.isExpired(entry, today: LocalDate(iso: "2026-12-01")!))
        XCTAssertTrue(lifecycle.expiresSoon(entry, today: LocalDate(iso: "2026-11-16")!))
        XCTAssertFalse(lifecycle.expiresSoon(entry, today: LocalDate(iso: "2026-11-15")!))
        XCTAssertEqual(Lifecycle(field: "expires", from: "published", defaultDays: 30).lastDay(of: entry)?.iso, "2026-10-01")
        let dated = try CastorKitTests.entry(TestCollections.ads, yaml: "title: T\ncategory: terrain\npublished: 2026-09-01\nexpires: 2027-01-10\ncontact: a@b.fr\n")
        XCTAssertFalse(lifecycle.usesDefault(dated))
        XCTAssertEqual(lifecycle.lastDay(of: dated)?.iso, "2027-01-10")
        XCTAssertNil(Lifecycle(field: "expires", from: nil, defaultDays: nil).lastDay(of: entry), "without a date nor a default, it never expires")
    }

    func testContactsAreNeverLeftInTheHTML() {
        let html = "<p>Écrire à <a href=\"mailto:marie.dupont@groupe-exemple.fr\">marie.dupont@groupe-exemple.fr</a> ou appeler le 06 12 34 56 78, +33 6 12 34 56 78 ou 06.12.34.56.78.</p>"
        let masked = ContactMask.maskHTML(html)
        for plain in ["marie.dupont", "groupe-exemple.fr", "06 12 34 56 78", "+33 6 12 34 56 78", "06.12.34.56.78", "&#"] {
            XCTAssertFalse(masked.contains(plain), plain)
        }
        XCTAssertTrue(masked.contains("<span class=\"contact-masque\" data-contact=\"\(ContactMask.scrambled("marie.dupont@groupe-exemple.fr"))\" data-kind=\"email\">[contact masqué]</span>"), masked)
        XCTAssertTrue(masked.contains("data-contact=\"\(ContactMask.scrambled("06 12 34 56 78"))\" data-kind=\"phone\""), masked)
        let untouched = "<p>Le 2026-11-23, 120000 € et https://exemple.org/0612345678 : <time datetime=\"2026-03-01\">1er mars</time></p>"
        XCTAssertEqual(ContactMask.maskHTML(untouched), untouched)
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
