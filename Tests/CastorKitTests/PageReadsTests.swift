import Foundation
import XCTest

@testable import CastorKit

/// The page context records what each page reads of the site (issue 12): the preview renders a
/// page again when, and only when, one of these reads changes.
final class PageReadsTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-reads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: EndToEndTests.fixtures.appendingPathComponent("site/content"), to: folder.appendingPathComponent("content"))
        // Two fiches sharing a theme: each is related to the other.
        let kit = folder.appendingPathComponent("content/fiches/boite-a-outils/kit-jpo/index.md")
        let text = try String(contentsOf: kit, encoding: .utf8)
        try text.replacingOccurrences(of: "themes: communication", with: "themes: [communication, juridique]")
            .write(to: kit, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func checkedFixture() throws -> Builder.Checked {
        let options = BuildOptions(
            content: folder.appendingPathComponent("content").path, templates: EndToEndTests.repository.appendingPathComponent("templates").path,
            output: folder.appendingPathComponent("site").path,
            today: LocalDate(iso: "2026-11-23")!)
        var report = BuildReport()
        let checked = try XCTUnwrap(Builder(options: options).check(report: &report), report.diagnostics.sorted.map(\.formatted).joined(separator: "\n"))
        return checked
    }

    func reads(_ job: RenderJob, _ checked: Builder.Checked) -> PageReads {
        let log = ReadLog()
        _ = PageRenderer.page(job, context: PageContext(site: checked.site).recording(into: log), templates: checked.templates)
        return log.recorded
    }

    /// The collection declared with `related:` (the fiches).
    func relatedCollection(_ site: Site) throws -> (index: Int, collection: PublishedCollection) {
        let index = try XCTUnwrap(site.collections.firstIndex { $0.schema.publishing.related != nil }, "the fixture declares related items")
        return (index, site.collections[index])
    }

    func testAFichePageReadsItselfItsRelatedCardsAndTheFooter() throws {
        let checked = try checkedFixture()
        let site = checked.site
        let (collection, fiches) = try relatedCollection(site)
        let related = try XCTUnwrap(fiches.related)
        let index = try XCTUnwrap(related.firstIndex { !$0.isEmpty }, "the fixture has a fiche with related fiches")
        let job = try XCTUnwrap(checked.plan.jobs.first { if case .item(collection, index) = $0.kind { return true } else { return false } })
        let recorded = reads(job, checked)
        let path = fiches.items[index].entry.relativePath
        XCTAssertEqual(recorded.items, [path], "the page shows its own fiche whole, and no other")
        for other in related[index] {
            XCTAssertTrue(recorded.cards.contains(fiches.items[other].entry.relativePath), "a related fiche's card is read")
        }
        XCTAssertTrue(recorded.values.contains(.related(path)), "which fiches are related is read")
        for page in PageContext.footerPages(site) {
            XCTAssertTrue(recorded.cards.contains(page.entry.relativePath), "the footer shows the static pages' titles")
        }
        XCTAssertFalse(recorded.cards.contains(path), "its own card is not shown on its page")
    }

    /// A context makes each card once for all its pages (`PageContext.card`): a page rendered
    /// after another that showed the same cards still records them, and gets the same card.
    func testCardsMadeOnceAreStillRecordedByEveryPageThatShowsThem() throws {
        // Projects whose cards show the titles of the fiches and partners they name.
        try ReferenceFieldTests.addProjects(to: folder.appendingPathComponent("content"))
        let checked = try checkedFixture()
        let context = PageContext(site: checked.site)
        let listing = try XCTUnwrap(checked.plan.jobs.first { $0.url == "fiches/" })
        let first = ReadLog()
        let firstPage = PageRenderer.page(listing, context: context.recording(into: first), templates: checked.templates)
        let second = ReadLog()
        let secondPage = PageRenderer.page(listing, context: context.recording(into: second), templates: checked.templates)
        XCTAssertFalse(first.recorded.cards.isEmpty)
        XCTAssertEqual(second.recorded.cards, first.recorded.cards, "the second page records the cards it shows")
        XCTAssertEqual(secondPage, firstPage)
        XCTAssertEqual(secondPage, PageRenderer.page(listing, context: PageContext(site: checked.site), templates: checked.templates))
        // Every page, after every other page shown with the same context, records what it
        // records alone: a card naming other items (a project's partners) records them too.
        // (Made first without recording, as `castor build` does, then recording.)
        for recording in [false, true] {
            let shared = PageContext(site: checked.site)
            for job in checked.plan.jobs {
                _ = PageRenderer.page(job, context: recording ? shared.recording(into: ReadLog()) : shared, templates: checked.templates)
            }
            for job in checked.plan.jobs {
                let after = ReadLog()
                _ = PageRenderer.page(job, context: shared.recording(into: after), templates: checked.templates)
                XCTAssertEqual(after.recorded, reads(job, checked), job.file)
            }
        }
        let (collection, fiches) = try relatedCollection(checked.site)
        for index in fiches.items.indices {
            let ref = ItemRef.item(collection: collection, index: index)
            let made = context.card(ref)
            XCTAssertEqual(made.keys.sorted(), PageContext.compact(context.rawCard(ref)).keys.sorted())
            XCTAssertEqual(made["title"] as? String, fiches.items[index].title)
            XCTAssertEqual(made["url"] as? String, fiches.items[index].entry.url)
        }
    }

    func testAListingReadsTheCardsOfItsPageOnlyAndTheHomeReadsTheOrders() throws {
        let checked = try checkedFixture()
        let site = checked.site
        let job = try XCTUnwrap(checked.plan.jobs.first { $0.url == "fiches/" })
        let recorded = reads(job, checked)
        XCTAssertEqual(recorded.items, [], "a listing shows no item whole")
        let fiches = try relatedCollection(site).collection.items
        let shown = fiches.prefix(Listing.perPage).map(\.entry.relativePath)
        XCTAssertEqual(Set(recorded.cards).intersection(fiches.map(\.entry.relativePath)), Set(shown))
        let home = reads(try XCTUnwrap(checked.plan.jobs.first { $0.url == "" }), checked)
        XCTAssertEqual(home.values, Set(site.collections.map { .order($0.schema.id) }))
        let notFound = reads(try XCTUnwrap(checked.plan.jobs.first { $0.file == "404.html" }), checked)
        XCTAssertEqual(Set(notFound.cards), Set(PageContext.footerPages(site).map(\.entry.relativePath)), "the 404 page reads the footer only")
        XCTAssertEqual(notFound.items, [])
    }

    /// The preview's memo of a page (`SiteStore.Query`, `QueryGraph`): the page is stale when a
    /// card it showed, the order it chose by, or its job changed; not when a value it did not read
    /// changed, nor when a value it read is set again to the same fingerprint.
    func testAPageIsStaleOnlyWhenOneOfItsReadsChanges() throws {
        let checked = try checkedFixture()
        let site = checked.site
        let job = try XCTUnwrap(checked.plan.jobs.first { $0.url == "" })
        let recorded = reads(job, checked)
        let page = SiteStore.Query.page(job.file)
        var graph = QueryGraph<SiteStore.Query>()
        func record() {
            graph.advance()
            graph.set(.job(job.file), job.descriptor(in: site))
            for path in recorded.cards + recorded.items { graph.set(.card(path), 1) }
            graph.record(page, reads: [.job(job.file)] + SiteStore.keys(recorded, uses: checked.templates.uses)) { key in
                if case .derived(let value) = key { return DerivedFingerprints(site: site).fingerprint(of: value) }
                return nil
            }
            graph.advance()
        }
        record()
        XCTAssertTrue(graph.isFresh(page))
        let read = try XCTUnwrap(recorded.cards.first)
        graph.set(.card(read), 1)
        XCTAssertTrue(graph.isFresh(page), "the same card again")
        graph.set(.item(read), 2)
        XCTAssertTrue(graph.isFresh(page), "the home shows no item whole")
        XCTAssertEqual(graph.staleQueries(), [])
        graph.set(.card(read), 2)
        XCTAssertFalse(graph.isFresh(page))
        XCTAssertEqual(graph.staleQueries(), [page])

        record()
        var reordered = site
        let (collection, _) = try relatedCollection(site)
        reordered.collections[collection].items.reverse()
        let order = DerivedValue.order(reordered.collections[collection].schema.id)
        XCTAssertTrue(recorded.values.contains(order))
        graph.set(.derived(order), DerivedFingerprints(site: site).fingerprint(of: order))
        XCTAssertTrue(graph.isFresh(page), "the same order")
        graph.set(.derived(order), DerivedFingerprints(site: reordered).fingerprint(of: order))
        XCTAssertEqual(graph.staleQueries(), [page], "another order")

        record()
        let other = try XCTUnwrap(checked.plan.jobs.first { $0.url == "fiches/" })
        XCTAssertNotEqual(job.descriptor(in: site), other.descriptor(in: site))
        graph.set(.job(job.file), other.descriptor(in: site))
        XCTAssertEqual(graph.staleQueries(), [page], "another job")
    }

    /// The feeds, calendars, sitemap and search index record their reads too: the preview
    /// makes a group again only when what it read changed.
    func testExtraFilesRecordWhatTheyRead() throws {
        let checked = try checkedFixture()
        let site = checked.site
        func reads(_ group: Pipeline.ExtraFiles) -> PageReads {
            let log = ReadLog()
            _ = Pipeline.extraFiles(site, plan: checked.plan, groups: [group], logs: [group: log])
            return log.recorded
        }
        let agenda = reads(.agenda)
        XCTAssertEqual(Set(agenda.items), Set(site.events.map(\.entry.relativePath)), "calendars carry every event, and nothing else")
        XCTAssertEqual(agenda.values, [.order(try XCTUnwrap(site.calendarCollection).schema.id)])
        let fiches = try relatedCollection(site).collection
        let fichesGroup = reads(.collection(fiches.schema.id))
        XCTAssertTrue(
            Set(fichesGroup.items).isSuperset(of: fiches.items.prefix(50).map(\.entry.relativePath)), "the fiches' feed reads its 50 most recent fiches")
        let ads = try XCTUnwrap(site.collections.first { $0.schema.publishing.feedPerValue == ["category"] })
        let adsGroup = reads(.collection(ads.schema.id))
        XCTAssertTrue(Set(adsGroup.items).isSuperset(of: ads.items.map(\.entry.relativePath)), "the feeds per category read every ad")
        // Each collection's files are a group of their own: editing a fiche does not remake the ads' feeds.
        XCTAssertTrue(Set(fichesGroup.items).isDisjoint(with: ads.items.map(\.entry.relativePath)), "the fiches' group reads no ad")
        XCTAssertFalse(adsGroup.values.contains(.order(fiches.schema.id)), "the ads' group does not read the fiches' order")
        let search = reads(.search)
        let everything = site.collections.flatMap(\.items).map(\.entry.relativePath)
        XCTAssertEqual(Set(search.items), Set(everything), "the search index reads every item whole")
        XCTAssertEqual(reads(.plan).values, [.plan], "the sitemap reads the list of pages")
        let derived = DerivedFingerprints(site: site, plan: checked.plan)
        let fewer = SitePlan(jobs: Array(checked.plan.jobs.dropLast(2)))
        XCTAssertNotEqual(derived.fingerprint(of: .plan), DerivedFingerprints(site: site, plan: fewer).fingerprint(of: .plan))
    }
}
