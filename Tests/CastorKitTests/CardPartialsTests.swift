import Foundation
import XCTest

@testable import CastorKit

/// Cards render their partial once per build (`CardPartials`): every page must stay what it was
/// when each card was rendered on each page, and an edited card partial must show everywhere.
final class CardPartialsTests: XCTestCase {
    /// The fixture site, checked with a copy of the real templates whose partials `edit` changes.
    func checked(edit: [String: String] = [:]) throws -> Builder.Checked {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-cartes-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: EndToEndTests.repository.appendingPathComponent("templates"), to: templates)
        for (path, text) in edit { try text.write(to: templates.appendingPathComponent(path), atomically: true, encoding: .utf8) }
        let options = BuildOptions(
            content: EndToEndTests.fixtures.appendingPathComponent("site/content").path, templates: templates.path,
            output: folder.appendingPathComponent("site").path, today: LocalDate(iso: "2026-11-23")!)
        var report = BuildReport()
        return try XCTUnwrap(Builder(options: options).check(report: &report), "\(report.diagnostics)")
    }

    /// Every page of the site, rendered with the cards' partials rendered once, and with each
    /// card rendering its partial on each page (no `CardPartials`).
    func pages(_ checked: Builder.Checked) -> (cached: [String: String], plain: [String: String], kept: Int) {
        let context = PageContext(site: checked.site, references: checked.references)
        var plainTemplates = checked.templates
        plainTemplates.cards = nil
        var cached: [String: String] = [:]
        var plain: [String: String] = [:]
        for job in checked.plan.jobs {
            cached[job.file] = PageRenderer.page(job, context: context, templates: checked.templates)
            plain[job.file] = PageRenderer.page(job, context: context, templates: plainTemplates)
        }
        return (cached, plain, context.cardStore.count)
    }

    func testEveryPageIsTheSameWithCardsRenderedOnce() throws {
        let checked = try checked()
        let wrapped = try XCTUnwrap(checked.templates.cards).partials.map(\.name)
        XCTAssertTrue(Set(wrapped).isSuperset(of: ["partials/card", "partials/card-h2"]), "\(wrapped)")
        XCTAssertFalse(wrapped.contains("partials/card-infos"), "called by the cards, never inside a section")
        let (cached, plain, kept) = pages(checked)
        XCTAssertGreaterThan(cached.count, 20)
        XCTAssertGreaterThan(kept, 5, "cards were rendered once and reused")
        for (file, html) in plain.sorted(by: { $0.key < $1.key }) { XCTAssertEqual(cached[file], html, file) }
        // The cards are really there: listings (h2 cards) and related items (h3 cards).
        XCTAssertTrue(cached.values.contains { $0.contains("<h2 class=\"carte-titre\"><a href=\"../") })
        XCTAssertTrue(cached.values.contains { $0.contains("<h3 class=\"carte-titre\"><a href=\"../../../") })
    }

    func testAnEditedCardPartialShowsOnEveryPageItIsUsedOn() throws {
        // One partial reads only the card (rendered once), the other also the page (`site`):
        // that one is rendered on each page, as before.
        let checked = try checked(edit: [
            "partials/card.mustache": "<div class=\"essai-carte\">{{kindLabel}} - <a href=\"{{root}}{{url}}\">{{title}}</a>{{#meta}} ({{.}}){{/meta}}</div>\n",
            "partials/card-h2.mustache": "<div class=\"essai-h2\">{{title}}, sur {{site.title}} | {{{root}}}{{url}}</div>\n",
        ])
        let (cached, plain, kept) = pages(checked)
        XCTAssertGreaterThan(kept, 5, "partials/card reads only the card")
        for (file, html) in plain.sorted(by: { $0.key < $1.key }) { XCTAssertEqual(cached[file], html, file) }
        let listing = try XCTUnwrap(cached["fiches/index.html"])
        XCTAssertTrue(listing.contains("<div class=\"essai-h2\">La SCIC, sur \(checked.site.config.title) | ../fiches/structures-juridiques/scic/</div>"), listing)
        XCTAssertFalse(listing.contains("carte-titre"))
        // `partials/card`: the agenda's months (sections) and the home page, each with its root.
        let agenda = try XCTUnwrap(cached["agenda/index.html"])
        XCTAssertTrue(agenda.contains("<div class=\"essai-carte\">Événement - <a href=\"../agenda/"), agenda)
        let home = try XCTUnwrap(cached["index.html"])
        XCTAssertTrue(home.contains("<div class=\"essai-carte\">Événement - <a href=\"./agenda/"), home)
        XCTAssertFalse(home.contains("carte-titre"))
    }

    func testWhatAPartialReadsDecidesWhetherItIsWrapped() {
        let card = "<a href=\"{{root}}{{url}}\">{{title}}</a>{{#dateISO}}<time datetime=\"{{.}}\">{{dateLabel}}</time>{{/dateISO}}{{>infos}}"
        let templates = [
            "list": "{{<base}}{{$main}}{{#items}}<li>{{>card}}</li>{{/items}}{{>footer}}{{/main}}{{/base}}",
            "base": "{{$main}}{{/main}}", "card": card, "infos": "{{#summary}}<p>{{.}}</p>{{/summary}}", "footer": "{{site.title}}",
        ]
        let wrapped = CardPartialAnalysis.wrappable(templates)
        XCTAssertEqual(wrapped.map(\.name), ["card"], "only a partial called inside a section")
        XCTAssertEqual(wrapped.first?.reads.names, ["root", "url", "title", "dateISO", "dateLabel", "summary"])
        XCTAssertEqual(wrapped.first?.reads.dotSections, ["dateISO", "summary"])
        func qualifies(_ text: String) -> Bool { CardPartialAnalysis.reads("card", templates: templates.merging(["card": text]) { $1 }).qualifies }
        XCTAssertTrue(qualifies(card))
        XCTAssertFalse(qualifies("{{.}}"), "the card itself")
        XCTAssertFalse(qualifies("{{#flag}}{{/flag}}{{^summary}}{{.}}{{/summary}}"), "`.` in an inverted section is the card")
        XCTAssertFalse(qualifies("{{#root}}x{{/root}}"), "root only as a value")
        XCTAssertFalse(qualifies("{{root.x}}"))
        XCTAssertFalse(qualifies("{{$bloc}}x{{/bloc}}"), "blocks take the page's overrides")
        XCTAssertFalse(qualifies("{{uppercased(title)}}"), "transforms")
        XCTAssertFalse(qualifies("{{% CONTENT_TYPE: TEXT }}"))
        XCTAssertFalse(qualifies("{{>*dynamique}}"))
        XCTAssertFalse(qualifies("{{#a}}x"), "an unclosed section")
        // Indentation or other delimiters anywhere: swift-mustache would indent what it renders.
        XCTAssertTrue(CardPartialAnalysis.wrappable(templates.merging(["list": "{{#items}}\n  {{>card}}\n{{/items}}"]) { $1 }).isEmpty)
        XCTAssertTrue(CardPartialAnalysis.wrappable(templates.merging(["footer": "{{=<% %>=}}"]) { $1 }).isEmpty)
        XCTAssertEqual(
            CardPartialAnalysis.wrappable(templates.merging(["list": "{{#items}}{{>card}}{{/items}}{{<card}}{{/card}}"]) { $1 }).count, 0,
            "a partial used as a parent is left alone")
    }

    func testACardQualifiesOnlyWhenItHoldsWhatThePartialReads() throws {
        let cards = try XCTUnwrap(try checked().templates.cards)
        let partial = try XCTUnwrap(cards.partials.first { $0.name == "partials/card" })
        let full: [String: Any] = [
            "root": "../", "url": "a/", "title": "A", "kindLabel": "Fiche", "dateISO": "2026-01-02", "dateLabel": "2 janvier 2026",
            "meta": "Bretagne", "summary": "Résumé",
        ]
        XCTAssertTrue(cards.qualifies(full, for: partial))
        XCTAssertFalse(cards.qualifies(full.filter { $0.key != "summary" }, for: partial), "summary would be read below the card")
        XCTAssertFalse(cards.qualifies(full.merging(["meta": true]) { $1 }, for: partial), "`.` of a flag's section is the card")
    }
}
