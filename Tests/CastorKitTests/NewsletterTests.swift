import Foundation
import XCTest

@testable import CastorKit

/// The newsletter (issue 14): a collection declared with `digest:`, whose issues get the new
/// items of other collections since the previous issue, and an e-mail (HTML and text) each.
final class NewsletterTests: XCTestCase {
    let today = LocalDate(iso: "2026-11-23")!

    /// A newsletter on the fixture site: two issues, the second leaving the ads out.
    static func addNewsletter(to content: URL) throws {
        let declarations = content.appendingPathComponent("collections.yml")
        try (try String(contentsOf: declarations, encoding: .utf8) + """

              lettres:
                label: Lettres
                singular: Lettre
                order: {field: date, direction: desc}
                feed: {title: Lettre d'information}
                digest:
                  date: date
                  number: number
                  skip: sans
                  first_days: 60
                  sections:
                    - {id: fiches, title: Fiches mises à jour, collection: fiches, field: updated}
                    - {id: agenda, title: Prochains rendez-vous, collection: agenda, field: start, upcoming_days: 60}
                    - {id: annonces, title: Nouvelles annonces, collection: annonces, field: published}
                fields:
                  title: {type: text, label: Titre, required: true}
                  summary: {type: text, label: Résumé}
                  number: {type: number, label: Numéro, decimals: 0}
                  date: {type: date, label: Date, required: true}
                  sans: {type: text_list, label: Sections laissées de côté}

            """).write(to: declarations, atomically: true, encoding: .utf8)
        let folder = content.appendingPathComponent("lettres")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            ---
            title: "Lettre n° 1 : bonne année"
            summary: Les nouvelles de l'hiver.
            number: 1
            date: 2026-01-15
            ---
            Bonjour à tous : voici la [fiche sur la SCIC](../fiches/structures-juridiques/scic.md) et
            le [site officiel](https://www.legifrance.gouv.fr/) des lois & décrets. Questions : benevoles@exemple.org.

            - un point[^1]
            - un autre point

            [^1]: Une note.

            """.write(to: folder.appendingPathComponent("n1.md"), atomically: true, encoding: .utf8)
        try """
            ---
            title: "Lettre n° 2 : l'automne"
            number: 2
            date: 2026-11-15
            sans: [annonces]
            ---
            Les rendez-vous de fin d'année.

            """.write(to: folder.appendingPathComponent("n2.md"), atomically: true, encoding: .utf8)
    }

    func checked(_ content: URL) throws -> Builder.Checked {
        var report = BuildReport()
        let templates = content.deletingLastPathComponent().appendingPathComponent("templates").path
        let checked = Builder(options: BuildOptions(content: content.path, templates: templates, today: today)).check(report: &report)
        return try XCTUnwrap(checked, report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
    }

    func testEachIssueGetsWhatIsNewSinceThePreviousOneAndLeavesOutTheSectionsItSays() throws {
        let content = try temporaryContent(self)
        try Self.addNewsletter(to: content)
        let site = try checked(content).site
        let issues = try XCTUnwrap(Digest.issues(site).first { $0.schema.id == "lettres" }?.issues)
        XCTAssertEqual(issues.map(\.entry.slug), ["n1", "n2"], "oldest first")
        func titles(_ issue: Digest.Issue, _ section: String) -> [String]? {
            issue.parts.first { $0.section.id == section }?.entries.map(\.title)
        }
        func dates(_ entries: [Entry], _ field: String) -> [String] { entries.compactMap { $0[field]?.day?.iso } }
        let fiches = site.orderedEntries(of: "fiches")
        let events = site.orderedEntries(of: "agenda")
        let ads = site.orderedEntries(of: "annonces")

        // No issue before the first: what is new within `first_days` (60) days before it.
        let first = issues[0]
        XCTAssertNil(first.previous)
        let firstFiches = fiches.filter { ($0["updated"]?.day).map { $0 > LocalDate(iso: "2025-11-16")! && $0 <= first.date } ?? false }
        XCTAssertFalse(firstFiches.isEmpty, "the fixture has fiches updated in that window")
        XCTAssertEqual(titles(first, "fiches"), firstFiches.sorted { $0["updated"]!.day! > $1["updated"]!.day! }.map(\.title))
        XCTAssertEqual(first.parts.map(\.section.id), ["fiches", "agenda", "annonces"])
        XCTAssertEqual(titles(first, "agenda"), [], "no event within 60 days after 15 January 2026")

        // The second: after the first issue's date, up to its own; events of the next 60 days.
        let second = issues[1]
        XCTAssertEqual(second.previous?.slug, "n1")
        XCTAssertEqual(second.parts.map(\.section.id), ["fiches", "agenda"], "« sans: [annonces] » leaves the ads out")
        let secondFiches = try XCTUnwrap(second.parts.first?.entries)
        XCTAssertFalse(secondFiches.isEmpty)
        for day in dates(secondFiches, "updated") {
            XCTAssertTrue(day > "2026-01-15" && day <= "2026-11-15", day)
        }
        XCTAssertTrue(Set(secondFiches.map(\.relativePath)).isDisjoint(with: firstFiches.map(\.relativePath)), "an item is new in one issue only")
        let upcoming = events.filter { ($0["start"]?.day).map { $0 > second.date && $0 <= second.date.adding(days: 60) } ?? false }
        XCTAssertEqual(titles(second, "agenda"), upcoming.map(\.title), "soonest first")
        XCTAssertEqual(dates(try XCTUnwrap(second.parts.last?.entries), "start"), ["2026-12-05", "2027-01-12"])
        let skippedAds = ads.filter { $0["published"]?.day.map { $0 > first.date && $0 <= second.date } ?? false }
        XCTAssertFalse(skippedAds.isEmpty, "an ad would have been in the section left out")

        // A third issue, with every section: the ads the second one left out come back in it.
        try """
            ---
            title: Lettre n° 3
            number: 3
            date: 2026-11-20
            ---
            Brève.

            """.write(to: content.appendingPathComponent("lettres/n3.md"), atomically: true, encoding: .utf8)
        let third = try XCTUnwrap(Digest.issues(try checked(content).site).first?.issues.last)
        XCTAssertEqual(third.previous?.slug, "n2")
        XCTAssertEqual(third.parts.map(\.section.id), ["fiches", "agenda", "annonces"])
        XCTAssertEqual(titles(third, "fiches"), [], "nothing updated since the second issue")
        XCTAssertEqual(Set(titles(third, "annonces") ?? []), Set(skippedAds.map(\.title)), "since the last issue that had the ads")
    }

    func testFiltersAndLimitsChooseTheItems() {
        func entry(_ slug: String, _ day: String, status: String) -> Entry {
            Entry(
                collection: CollectionSchema(id: "questions", label: "Questions", singular: "Question", fields: []),
                relativePath: "questions/\(slug).md", displayPath: "content/questions/\(slug).md", group: nil, slug: slug, isBundle: false,
                fields: ["title": .text(slug), "answered": .date(LocalDate(iso: day)!), "status": .text(status)], positions: [:],
                body: "", bodyFirstLine: 1, url: "questions/\(slug)/")
        }
        let entries = [entry("a", "2026-05-01", status: "publiee"), entry("b", "2026-05-03", status: "ouverte"),
            entry("c", "2026-05-02", status: "publiee"), entry("d", "2026-04-01", status: "publiee"), entry("e", "2026-05-04", status: "publiee")]
        let section = CollectionDigest.Section(
            id: "q", title: "Questions", collection: "questions", field: "answered", upcomingDays: nil, filter: ["status": ["publiee"]],
            limit: 2, positions: [:])
        let chosen = Digest.items(section, date: LocalDate(iso: "2026-05-04")!, since: LocalDate(iso: "2026-04-30")!, from: entries)
        XCTAssertEqual(chosen.map(\.slug), ["e", "c"], "filtered on status, newest first, two at most, the day of the issue included")
        XCTAssertEqual(Digest.items(section, date: LocalDate(iso: "2026-05-04")!, since: LocalDate(iso: "2026-05-04")!, from: entries).map(\.slug), [])
    }

    func testEveryDigestMistakeIsReportedWithItsPlace() {
        let yaml = """
            collections:
              fiches:
                label: Fiches
                singular: Fiche
                fields:
                  title: {type: text, label: Titre}
                  updated: {type: date, label: Mise à jour}
              lettres:
                label: Lettres
                singular: Lettre
                digest:
                  date: titre
                  skip: title
                  sections:
                    - {id: fiches, title: Fiches, collection: fiche, field: updated}
                    - {id: maj, title: Mises à jour, collection: fiches, field: title}
                    - {id: autres, title: Autres, collection: fiches, field: modifie, where: {statut: [x]}}
                    - {id: autres, title: Encore, collection: fiches, field: updated, upcoming_days: 0}
                    - {title: Sans nom, collection: fiches, field: updated, couleur: bleu}
                fields:
                  title: {type: text, label: Titre}
                  date: {type: date, label: Date}
            """
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "content/collections.yml", vocabularies: nil)
        XCTAssertNil(collections)
        let shown = diagnostics.map { "\($0.line):\($0.column) \($0.message)" }
        XCTAssertEqual(shown.sorted(), [
            "12:13 « digest » : « titre » n'est pas un champ de « lettres » : vouliez-vous écrire « title » ?",
            "13:13 « digest » : « skip » doit nommer un champ terms ou text_list (les sections à laisser de côté), mais « title » est de type text",
            "18:90 section de « digest » : « upcoming_days » doit être un nombre de jours plus grand que 0",
            "19:11 section de « digest » : « id » manquant ou vide",
            "19:65 clé inconnue « couleur » dans une section de « digest » de la collection « lettres »",
        ].sorted(), diagnostics.map(\.formatted).joined(separator: "\n"))

        // Once the collection itself reads well, its sections' sources are checked.
        let sources = yaml.replacingOccurrences(of: "date: titre", with: "date: date").components(separatedBy: "\n")
            .filter { !$0.contains("skip: title") && !$0.contains("upcoming_days: 0") && !$0.contains("Sans nom") }.joined(separator: "\n")
        let (none, problems) = CollectionDeclarations.load(yaml: sources, file: "content/collections.yml", vocabularies: nil)
        XCTAssertNil(none)
        XCTAssertEqual(problems.map { "\($0.line):\($0.column) \($0.message)" }, [
            "14:51 la section « fiches » de « digest » (collection « lettres ») puise dans « fiche », qui n'est pas déclarée : vouliez-vous écrire « fiches » ?",
            "15:69 la section « maj » de « digest » : « title » est de type text, pas une date",
            "16:66 la section « autres » de « digest » : « modifie » n'est pas un champ de « fiches »",
            "16:82 la section « autres » de « digest » : « where » nomme « statut », qui n'est pas un champ de « fiches »",
        ], problems.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(problems.allSatisfy { $0.severity == .error && $0.hint != nil })
    }

    func testTheEmailsAreWrittenFromTheTemplatesWithAbsoluteLinksAndWrappedText() throws {
        let content = try temporaryContent(self)
        try Self.addNewsletter(to: content)
        let checked = try checked(content)
        let mails = Dictionary(uniqueKeysWithValues: checked.extras.filter { $0.file.hasPrefix("lettres/") }.map { ($0.file, $0.text) })
        XCTAssertEqual(Set(mails.keys), ["lettres/atom.xml", "lettres/n1/courriel.html", "lettres/n1/courriel.txt", "lettres/n2/courriel.html", "lettres/n2/courriel.txt"])
        let html = try XCTUnwrap(mails["lettres/n1/courriel.html"])
        let text = try XCTUnwrap(mails["lettres/n1/courriel.txt"])
        XCTAssertTrue(html.contains("<html lang=\"fr\""))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("stylesheet"))
        // The editorial: its link to a fiche made absolute, styled inline; the footnote a plain number.
        XCTAssertTrue(html.contains("href=\"https://ressources.example.org/fiches/structures-juridiques/scic/\" style=\"color:#0b57a4;"), html)
        XCTAssertTrue(html.contains("des lois &amp; décrets"), "texts stay escaped")
        XCTAssertFalse(html.contains("href=\"#"), "no anchor left: the footnote reference is a plain number")
        XCTAssertFalse(html.contains("href=\"../"), html)
        XCTAssertTrue(html.contains("<p style=\"margin:0 0 16px 0;"), html)
        // Every address of the HTML is written out in the text part.
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertGreaterThan(hrefs.count, 4)
        for href in hrefs {
            XCTAssertTrue(href.hasPrefix("https://"), href)
            XCTAssertTrue(text.contains(href.replacingOccurrences(of: "&amp;", with: "&")), "\(href) missing from the text part")
        }
        XCTAssertTrue(text.contains("fiche sur la SCIC\n<https://ressources.example.org/fiches/structures-juridiques/scic/>")
            || text.contains("fiche sur la SCIC <https://ressources.example.org/fiches/structures-juridiques/scic/>"), text)
        XCTAssertTrue(text.contains("des lois & décrets"), "the text part is not HTML: nothing escaped")
        // Contacts stay masked in both parts, as on every page.
        for part in [html, text] { XCTAssertFalse(part.contains("benevoles@exemple.org")) }
        XCTAssertTrue(text.contains("Questions\u{00A0}: [contact masqué]"), text)
        XCTAssertFalse(text.contains("&#"), text)
        XCTAssertTrue(text.contains("Lettre n° 1\u{00A0}: bonne année"), "French typography in the text part, with real no-break spaces")
        for line in text.split(separator: "\n") where !line.contains("https://") {
            XCTAssertLessThanOrEqual(line.count, MailText.width, String(line))
        }
        // The second issue: its ads left out; the upcoming events listed.
        let second = try XCTUnwrap(mails["lettres/n2/courriel.txt"])
        XCTAssertFalse(second.contains("Nouvelles annonces"), second)
        XCTAssertTrue(second.contains("Prochains rendez-vous"), second)
        XCTAssertTrue(second.contains("Numéro précédent\u{00A0}: Lettre n° 1\u{00A0}: bonne année"), second)
    }

    func testTextWrapsAtSpacesButNeverAtANoBreakSpaceNorInsideAnAddress() {
        let long = "Une question vous bloque\u{202F}? " + String(repeating: "mot ", count: 14) + "fin\u{202F}!"
        let wrapped = MailText.wrap("- " + long + "\n    code " + String(repeating: "x", count: 80) + "\n<https://exemple.org/" + String(repeating: "a", count: 90) + ">")
        let lines = wrapped.components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasPrefix("- Une question"))
        XCTAssertTrue(lines.dropFirst().first?.hasPrefix("  ") ?? false, "a list item's continuation keeps its room")
        XCTAssertTrue(wrapped.contains("bloque\u{202F}?"), "never cut at a no-break space")
        XCTAssertTrue(lines.contains { $0.hasPrefix("    code ") && $0.count > 80 }, "code stays as written")
        XCTAssertTrue(lines.contains { $0.hasPrefix("<https://exemple.org/") && $0.hasSuffix(">") }, "an address is never cut")
        for line in lines where !line.contains("https://") && !line.hasPrefix("    ") { XCTAssertLessThanOrEqual(line.count, MailText.width) }
    }

    func testADigestCollectionNeedsBothEmailTemplates() throws {
        let content = try temporaryContent(self)
        try Self.addNewsletter(to: content)
        try FileManager.default.removeItem(at: content.deletingLastPathComponent().appendingPathComponent("templates/courriel.txt.mustache"))
        var report = BuildReport()
        let templates = content.deletingLastPathComponent().appendingPathComponent("templates").path
        XCTAssertNil(Builder(options: BuildOptions(content: content.path, templates: templates, today: today)).check(report: &report))
        XCTAssertTrue(report.diagnostics.items.contains {
            $0.severity == .error && $0.message == "le gabarit « courriel.txt » des courriels de la collection « lettres » n'existe pas" && $0.line > 0
        }, report.diagnostics.items.map(\.formatted).joined(separator: "\n"))
    }
}
