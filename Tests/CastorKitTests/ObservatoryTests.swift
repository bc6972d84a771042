import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import CastorKit

/// The legal and financial observatory (issue 14), declared in content/collections.yml only:
/// the repository's questions checked and built by the real CLI.
extension EndToEndTests {
    /// The observatory's questions, as Castor reads their front matter.
    func observatoryQuestions(_ folder: URL) throws -> [String: YAMLTree] {
        try frontMatters(folder.appendingPathComponent("content/observatoire"))
    }

    func testTheObservatoryChecksCleanAndAnOldAnswerIsAWarning() throws {
        let folder = try repositoryWorkspace()
        let check = try run(["check", "--content", "content", "--templates", "templates", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertFalse(check.stderr.contains("erreur :"), check.stderr)
        XCTAssertTrue(check.stdout.contains("observatoire juridique et financier : 9"), check.stdout)
        // The one answer published more than two years before today is flagged, at its field.
        let observatoryWarnings = check.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("content/observatoire/") }
        XCTAssertEqual(observatoryWarnings, [
            "content/observatoire/cooperative-d-habitants-ou-societe-d-autopromotion.md:7:11: avertissement : « answered » (réponse publiée le) date du 8 novembre 2023, il y a plus de deux ans : réponse à actualiser",
        ], check.stderr)
        XCTAssertTrue(check.stderr.contains("conseil : vérifiez les informations, puis écrivez la date du jour dans « answered » (2026-12-01)"), check.stderr)
        // A month earlier, the same answer was less than two years old: no warning.
        let earlier = try run(["check", "--content", "content", "--templates", "templates", "--now", "2025-11-01"], in: folder)
        XCTAssertEqual(earlier.status, 0, earlier.stderr)
        XCTAssertFalse(earlier.stderr.contains("content/observatoire/"), earlier.stderr)

        // At least eight questions; the answered ones carry their date and a « Références » part.
        let questions = try observatoryQuestions(folder)
        XCTAssertGreaterThanOrEqual(questions.count, 8)
        let answered = questions.filter { $0.value["status"]?.text == "reponse-publiee" }
        XCTAssertGreaterThanOrEqual(answered.count, 4)
        XCTAssertTrue(questions.values.contains { $0["status"]?.text == "ouverte" })
        XCTAssertTrue(questions.values.contains { $0["status"]?.text == "en-cours" })
        var legifranceLinks = 0
        for (slug, question) in questions {
            let text = try String(contentsOf: folder.appendingPathComponent("content/observatoire/\(slug).md"), encoding: .utf8)
            XCTAssertTrue(text.contains("\n## Références\n"), slug)
            legifranceLinks += text.components(separatedBy: "](https://www.legifrance.gouv.fr/").count - 1
            if answered[slug] != nil {
                XCTAssertNotNil(question["answered"]?.text.flatMap(LocalDate.init(iso:)), "\(slug): a published answer has its date")
            } else {
                XCTAssertNil(question["answered"], "\(slug): no answer date before the answer")
            }
        }
        XCTAssertGreaterThanOrEqual(legifranceLinks, 8)
    }

    func testTheCLIBuildsTheObservatoryListingsFeedAndBacklinks() throws {
        let folder = try repositoryWorkspace()
        let result = try run(["build", "--content", "content", "--templates", "templates", "--output", "site", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("site")
        // The site sets no-break spaces before « ? » and « : » (French typography).
        func page(_ path: String) throws -> String {
            try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
                .replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
        }
        let questions = try observatoryQuestions(folder)
        func title(_ slug: String) throws -> String {
            try XCTUnwrap(questions[slug]?["title"]?.text).replacingOccurrences(of: "'", with: "&#39;")
        }

        // The listing: every question, filters on status, domain and regions, the menu entry.
        let listing = try page("observatoire/index.html")
        XCTAssertTrue(listing.contains("<h1>Observatoire juridique et financier</h1>"), listing)
        XCTAssertEqual(listing.components(separatedBy: "<span class=\"etiquette\">Question</span>").count - 1, questions.count, listing)
        for filter in ["status", "domain", "regions"] {
            XCTAssertTrue(listing.contains("data-filtre=\"\(filter)\""), filter)
        }
        XCTAssertTrue(listing.contains("<option value=\"reponse-publiee\" data-libelle=\"Réponse publiée\">Réponse publiée (5)</option>"), listing)
        XCTAssertTrue(listing.contains("data-champ=\"answered\""), "sorted by answer date")
        XCTAssertTrue(listing.contains("<a href=\"../observatoire/status/\">Par statut</a>"), listing)
        XCTAssertTrue(try page("index.html").contains("<a href=\"./observatoire/\""), "the main menu has the observatory")

        // One page per status and per domain, with exactly their questions.
        let published = try page("observatoire/status/reponse-publiee/index.html")
        let open = try page("observatoire/status/ouverte/index.html")
        for (slug, question) in questions {
            let isAnswered = question["status"]?.text == "reponse-publiee"
            XCTAssertEqual(published.contains(">\(try title(slug))<"), isAnswered, slug)
            XCTAssertEqual(open.contains(">\(try title(slug))<"), question["status"]?.text == "ouverte", slug)
        }
        let fiscal = try page("observatoire/domain/fiscal/index.html")
        XCTAssertTrue(fiscal.contains(try title("tva-d-une-cooperative-d-habitants")), fiscal)
        XCTAssertFalse(fiscal.contains(try title("sci-d-attribution-et-bailleur-social")), fiscal)
        XCTAssertTrue(try page("observatoire/domain/index.html").contains("Technique et construction"))

        // A question: its fields as links, its references as links to Légifrance.
        let question = try page("observatoire/sci-d-attribution-et-bailleur-social/index.html")
        XCTAssertTrue(question.contains("<dt>Statut</dt>\n<dd><a href=\"../../observatoire/status/reponse-publiee/\">Réponse publiée</a></dd>"), question)
        XCTAssertTrue(question.contains("<dt>Réponse publiée le</dt>\n<dd><time datetime=\"2025-10-06\">6 octobre 2025</time></dd>"), question)
        XCTAssertTrue(question.contains("<a href=\"../../fiches/structures-juridiques/sci-d-attribution/\">"), question)
        XCTAssertTrue(question.contains("<a href=\"../../partenaires/habitat-solidaire-occitanie/\">Habitat solidaire Occitanie</a>"), question)
        XCTAssertTrue(question.contains("<h2 id=\"references\">Références</h2>"), question)
        XCTAssertTrue(question.contains("<a href=\"https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074096/\">Code de la construction et de l'habitation</a>"), question)
        XCTAssertTrue(question.contains("<a href=\"https://www.legifrance.gouv.fr/loda/id/JORFTEXT000028772256/\">"), question)
        // A link to a fiche written in the answer's text leads to its page.
        XCTAssertTrue(try page("observatoire/financer-les-etudes-de-faisabilite/index.html")
            .contains("<a href=\"../../fiches/boite-a-outils/plan-de-financement/\" data-adresse=\"https://ressources.habitatparticipatif.example/fiches/boite-a-outils/plan-de-financement/\">plan de financement</a>"))

        // Each fiche (and partner) shows the questions that cite it.
        let fiche = try page("fiches/boite-a-outils/etude-de-faisabilite/index.html")
        XCTAssertTrue(fiche.contains("<h2>Questions de l&#39;observatoire</h2>"), fiche)
        XCTAssertTrue(fiche.contains("<a href=\"../../../observatoire/financer-les-etudes-de-faisabilite/\">Comment financer les études de faisabilité avant le prêt ?</a>"), fiche)
        let structure = try page("fiches/structures-juridiques/scic/index.html")
        XCTAssertTrue(structure.contains("<h2>Questions de l&#39;observatoire sur cette structure</h2>"), structure)
        XCTAssertTrue(structure.contains("<a href=\"../../../observatoire/scic-et-commune-au-capital/\">"), structure)
        XCTAssertTrue(try page("partenaires/etude-notariale-des-lices/index.html").contains("<h2>Questions de l&#39;observatoire auxquelles il a contribué</h2>"))

        // The « actualité de l'observatoire » feed, read by an XML parser: one entry per
        // question, the most recently updated first.
        let feed = try FeedEntries(data: Data(contentsOf: site.appendingPathComponent("observatoire/atom.xml")))
        XCTAssertEqual(feed.subtitle, "Actualité de l'observatoire juridique et financier")
        XCTAssertEqual(Set(feed.entries.map(\.title)), Set(questions.values.compactMap { $0["title"]?.text }))
        let updates = feed.entries.map(\.updated)
        XCTAssertEqual(updates, updates.sorted(by: >), "newest first")
        XCTAssertEqual(feed.entries.first?.updated, questions.values.compactMap { $0["updated"]?.text }.max().map { $0 + "T00:00:00Z" })
        XCTAssertTrue(feed.entries.allSatisfy { $0.link.hasPrefix("https://ressources.habitatparticipatif.example/observatoire/") })
        XCTAssertTrue(try page("sitemap.xml").contains("<loc>https://ressources.habitatparticipatif.example/observatoire/scic-et-commune-au-capital/</loc>"))
    }

    func testCastorNewWritesAQuestionThatTheRepositoryAccepts() throws {
        let folder = try repositoryWorkspace()
        // The status is required; its declared `default: ouverte` is written, --categorie chooses another.
        let other = try run(
            ["new", "observatoire", "Une SCI peut-elle emprunter ?", "--content", "content", "--categorie", "en-cours", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(other.status, 0, other.stderr)
        let chosen = try String(contentsOf: folder.appendingPathComponent("content/observatoire/une-sci-peut-elle-emprunter.md"), encoding: .utf8)
        XCTAssertTrue(chosen.contains("\nstatus: en-cours  # obligatoire, parmi : ouverte, en-cours, reponse-publiee, a-actualiser"), chosen)

        let created = try run(["new", "observatoire", "Peut-on déduire ses parts sociales ?", "--content", "content", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("content/observatoire/peut-on-deduire-ses-parts-sociales.md"), created.stdout)
        let file = folder.appendingPathComponent("content/observatoire/peut-on-deduire-ses-parts-sociales.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("\nstatus: ouverte"), text)
        XCTAssertTrue(text.contains("\nraised: 2026-12-01"), text)
        XCTAssertTrue(text.contains("\n# answered: "), "the answer date waits for the answer: " + text)
        XCTAssertTrue(text.contains("\ndraft: true"), text)
        let check = try run(["check", "--content", "content", "--templates", "templates", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertFalse(check.stderr.contains("peut-on-deduire-ses-parts-sociales.md:"), check.stderr)

        // Published (draft line removed, summary written), it is built with the others.
        let published = text.replacingOccurrences(of: "draft: true", with: "")
            .replacingOccurrences(of: #"summary: "À compléter[^\n]*"#, with: "summary: \"Question posée par un groupe.\"", options: .regularExpression)
        try published.write(to: file, atomically: true, encoding: .utf8)
        let build = try run(["build", "--content", "content", "--templates", "templates", "--output", "site", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(build.status, 0, build.stderr)
        let open = try String(contentsOf: folder.appendingPathComponent("site/observatoire/status/ouverte/index.html"), encoding: .utf8)
        XCTAssertTrue(open.contains("Peut-on déduire ses parts sociales\u{202F}?"), open)
    }
}

/// The entries of an Atom feed, read with Foundation's XMLParser.
final class FeedEntries: NSObject, XMLParserDelegate {
    struct Entry {
        var title = ""
        var updated = ""
        var link = ""
    }

    private(set) var subtitle = ""
    private(set) var entries: [Entry] = []
    private var current: Entry?
    private var text = ""

    init(data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        text = ""
        if name == "entry" { current = Entry() }
        if name == "link", current != nil, attributes["rel"] == "alternate" { current?.link = attributes["href"] ?? "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "entry":
            if let current { entries.append(current) }
            current = nil
        case "title" where current != nil: current?.title = text
        case "updated" where current != nil: current?.updated = text
        case "subtitle": subtitle = text
        default: break
        }
    }
}
