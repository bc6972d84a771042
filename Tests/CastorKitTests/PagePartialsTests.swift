import Foundation
import Mustache
import XCTest

@testable import CastorKit

/// Page partials (header, footer…) are rendered once for all the pages that give them the same
/// values (`PagePartials`): every page must stay what it was when each partial was rendered on
/// each page, and an edited partial must show everywhere.
final class PagePartialsTests: XCTestCase {
    /// A site checked with a copy of the real templates whose partials `edit` changes.
    func checked(content: URL = EndToEndTests.fixtures.appendingPathComponent("site/content"), edit: [String: String] = [:]) throws
        -> Builder.Checked
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("castor-parties-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: EndToEndTests.repository.appendingPathComponent("templates"), to: templates)
        for (path, text) in edit { try text.write(to: templates.appendingPathComponent(path), atomically: true, encoding: .utf8) }
        let options = BuildOptions(
            content: content.path, templates: templates.path,
            output: folder.appendingPathComponent("site").path, today: LocalDate(iso: "2026-11-23")!)
        var report = BuildReport()
        return try XCTUnwrap(Builder(options: options).check(report: &report), "\(report.diagnostics)")
    }

    /// Every page of the site, rendered with the page partials kept, and with each page
    /// rendering them (no `PagePartials`), and with neither page nor card partials kept.
    func pages(_ checked: Builder.Checked) -> (cached: [String: String], plain: [String: String], bare: [String: String], kept: Int) {
        pages(checked, context: PageContext(site: checked.site, references: checked.references))
    }

    func pages(_ checked: Builder.Checked, context: PageContext)
        -> (cached: [String: String], plain: [String: String], bare: [String: String], kept: Int)
    {
        var plainTemplates = checked.templates
        plainTemplates.pages = nil
        var bareTemplates = plainTemplates
        bareTemplates.cards = nil
        var cached: [String: String] = [:]
        var plain: [String: String] = [:]
        var bare: [String: String] = [:]
        for job in checked.plan.jobs {
            cached[job.file] = PageRenderer.page(job, context: context, templates: checked.templates)
            plain[job.file] = PageRenderer.page(job, context: context, templates: plainTemplates)
            bare[job.file] = PageRenderer.page(job, context: context, templates: bareTemplates)
        }
        return (cached, plain, bare, context.pageStore.count)
    }

    func assertSame(_ pages: (cached: [String: String], plain: [String: String], bare: [String: String], kept: Int)) {
        XCTAssertEqual(Set(pages.cached.keys), Set(pages.plain.keys))
        for (file, html) in pages.plain.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(pages.cached[file], html, file)
            XCTAssertEqual(pages.bare[file], html, file)
        }
    }

    func testEveryPageOfTheFixtureSiteIsTheSameWithPagePartialsRenderedOnce() throws {
        let checked = try checked()
        let wrapped = try XCTUnwrap(checked.templates.pages).partials.map(\.name)
        XCTAssertTrue(Set(wrapped).isSuperset(of: ["partials/header", "partials/footer", "partials/breadcrumbs"]), "\(wrapped)")
        XCTAssertFalse(wrapped.contains("partials/card"), "called inside sections: a card partial")
        let context = PageContext(site: checked.site, references: checked.references)
        let pages = pages(checked, context: context)
        XCTAssertGreaterThan(pages.cached.count, 20)
        XCTAssertGreaterThan(pages.kept, 3, "headers and footers were rendered once and reused")
        let partials = try XCTUnwrap(checked.templates.pages)
        for name in ["partials/header", "partials/footer", "partials/feeds"] {
            let index = try XCTUnwrap(partials.partials.firstIndex { $0.name == name })
            let kept = context.pageStore.kept(partials, index: index)
            XCTAssertGreaterThan(kept.texts, 0, name)
            XCTAssertGreaterThan(kept.found, pages.cached.count / 2, "\(name): most pages reuse a text")
        }
        XCTAssertLessThan(pages.kept, pages.cached.count * wrapped.count, "not one text per page and partial")
        assertSame(pages)
        // The header and footer are really there, each page's menu entry marked.
        let fiches = try XCTUnwrap(pages.cached["fiches/index.html"])
        XCTAssertTrue(fiches.contains("<p class=\"titre-site\"><a href=\"../\">"), fiches)
        XCTAssertTrue(fiches.contains("<a href=\"../fiches/\" aria-current=\"page\">"), fiches)
        XCTAssertTrue(fiches.contains("<footer class=\"pied\">"))
        let home = try XCTUnwrap(pages.cached["index.html"])
        XCTAssertTrue(home.contains("<a href=\"./\" aria-current=\"page\">"), home)
        XCTAssertFalse(home.contains("<a href=\"./fiches/\" aria-current=\"page\">"), home)
    }

    func testEveryPageOfTheRepositorysContentIsTheSameWithPagePartialsRenderedOnce() throws {
        let checked = try checked(content: EndToEndTests.repository.appendingPathComponent("content"))
        let context = PageContext(site: checked.site, references: checked.references)
        let pages = pages(checked, context: context)
        XCTAssertGreaterThan(pages.cached.count, 50)
        XCTAssertGreaterThan(pages.kept, 3)
        assertSame(pages)
        let partials = try XCTUnwrap(checked.templates.pages)
        // A fiche's type, themes and regions: shared by the fiches of one type, theme or region.
        let fichePages = checked.plan.jobs.filter { $0.file.hasPrefix("fiches/") && $0.file.split(separator: "/").count == 4 }.count
        XCTAssertGreaterThan(fichePages, 10)
        for name in ["partials/fiche-type", "partials/fiche-themes", "partials/fiche-regions"] {
            let index = try XCTUnwrap(partials.partials.firstIndex { $0.name == name }, name)
            let kept = context.pageStore.kept(partials, index: index)
            XCTAssertGreaterThan(kept.texts, 0, name)
            XCTAssertGreaterThan(kept.found, 0, "\(name): some fiches reuse a text")
        }
    }

    func testAnEditedPagePartialShowsOnEveryPage() throws {
        // The header now reads the page's title (different on every page: no longer kept after a
        // while, still right), the footer a value of the site and the menu's `current` flag.
        let checked = try checked(edit: [
            "partials/header.mustache": "<div class=\"essai-entete\">{{page.title}} | {{{root}}}{{#nav}}[{{label}}{{#current}}*{{/current}}]{{/nav}}</div>\n",
            "partials/footer.mustache": "<div class=\"essai-pied\">{{site.title}}{{#nav}}{{#current}} + {{label}}{{/current}}{{/nav}}</div>\n",
        ])
        let pages = pages(checked)
        assertSame(pages)
        let title = checked.site.config.title
        for (file, html) in pages.cached where file.hasSuffix(".html") {
            XCTAssertFalse(html.contains("class=\"entete\""), file)
            XCTAssertTrue(html.contains("<div class=\"essai-pied\">\(title)"), file)
        }
        let fiches = try XCTUnwrap(pages.cached["fiches/index.html"])
        XCTAssertTrue(fiches.contains("<div class=\"essai-entete\">Fiches | ../[Accueil]"), fiches)
        XCTAssertTrue(fiches.contains("[Fiches*]"), fiches)
        XCTAssertTrue(fiches.contains("<div class=\"essai-pied\">\(title) + Fiches</div>"), fiches)
    }

    func testWhatAPagePartialReadsDecidesWhetherItIsWrapped() {
        let header = "<a href=\"{{root}}\">{{site.title}}</a>{{^page.isSearch}}<form>{{/page.isSearch}}{{#nav}}<a href=\"{{root}}{{url}}\"{{#current}} class=\"x\"{{/current}}>{{label}}</a>{{/nav}}{{>logo}}"
        let templates = [
            "page": "{{<base}}{{$main}}{{#items}}<li>{{>card}}</li>{{/items}}{{>aside}}{{/main}}{{/base}}",
            "base": "{{>header}}{{$main}}{{/main}}{{>footer}}", "header": header, "logo": "{{#site.logo}}<img src=\"{{root}}{{.}}\">{{/site.logo}}",
            "footer": "{{site.title}}{{>card}}", "card": "{{title}}", "aside": "{{#links}}{{>inner}}{{/links}}", "inner": "{{label}}",
        ]
        let wrapped = PagePartialAnalysis.wrappable(templates)
        XCTAssertEqual(wrapped.map(\.name), ["aside", "footer", "header", "logo"], "not card nor inner (in sections)")
        let reads = wrapped.first { $0.name == "header" }?.reads.names ?? [:]
        XCTAssertEqual(Set(reads.keys), ["root", "site.title", "page.isSearch", "nav", "url", "current", "label", "site.logo"])
        XCTAssertEqual(reads["site.logo"], [.section, .dotSection])
        XCTAssertEqual(reads["root"], [.variable])
        func qualifies(_ text: String) -> Bool { PagePartialAnalysis.reads("header", templates: templates.merging(["header": text]) { $1 }).qualifies }
        XCTAssertTrue(qualifies(header))
        XCTAssertFalse(qualifies("{{.}}"), "the page's context itself")
        XCTAssertFalse(qualifies("{{^nav}}{{.}}{{/nav}}"), "`.` in an inverted section")
        XCTAssertFalse(qualifies("{{$bloc}}x{{/bloc}}"), "blocks take the page's overrides")
        XCTAssertFalse(qualifies("{{uppercased(site.title)}}"), "transforms")
        XCTAssertFalse(qualifies("{{% CONTENT_TYPE: TEXT }}"))
        XCTAssertFalse(qualifies("{{>*dynamique}}"))
        XCTAssertFalse(qualifies("{{#a}}x"), "an unclosed section")
        func none(_ changes: [String: String], _ message: String) {
            XCTAssertTrue(PagePartialAnalysis.wrappable(templates.merging(changes) { $1 }).isEmpty, message)
        }
        none(["base": "  {{>header}}\n{{$main}}{{/main}}"], "an indented partial is indented by swift-mustache")
        none(["footer": "{{=<% %>=}}"], "other delimiters")
        none(["footer": "{{>*quel}}"], "a dynamic partial could call anything anywhere")
        none(["base": "{{>header}}{{#x}}{{$main}}{{/main}}{{/x}}"], "a block inside a section")
        XCTAssertFalse(
            PagePartialAnalysis.wrappable(templates.merging(["page": "{{#x}}{{<base}}{{/base}}{{/x}}"]) { $1 }).contains { $0.name == "header" },
            "a parent called inside a section")
        XCTAssertFalse(
            PagePartialAnalysis.wrappable(templates.merging(["footer": "{{#x}}{{>header}}{{/x}}"]) { $1 }).contains { $0.name == "header" },
            "a partial also called inside a section")
    }

    /// The page partials of `templates`, registered in a library of their own.
    static func partials(_ templates: [String: String]) throws -> PagePartials {
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try MustacheTemplate(string: text), named: name) }
        return try XCTUnwrap(PagePartials(library: &library, templates: templates, pragma: ""))
    }

    /// Two contexts share a text only when they give the partial the same values.
    func testTheKeyTellsApartWhatTheMenuShows() throws {
        let header = "{{site.title}}|{{#nav}}{{root}}{{url}}{{#current}}*{{/current}}{{/nav}}|{{#tags}}{{.}}{{/tags}}{{#links}}{{label}}{{/links}}"
        let templates = ["page": "{{>header}}!", "header": header]
        let partials = try Self.partials(templates)
        func context(current: Int, root: String = "../", extra: [String: Any] = [:]) -> [String: Any] {
            let nav: [[String: Any]] = (0..<3).map { ["label": "L\($0)", "url": "u\($0)/", "current": $0 == current] }
            // As `PageContext` makes them: `site` holds texts only, `nav` flags too.
            let site: [String: String] = ["title": "Site", "unused": "3"]
            let links: [[String: String]] = [["label": "a"], ["label": "b"]]
            return ["root": root, "nav": nav, "site": site, "page": ["title": "P\(current)"], "tags": ["x", "y"], "links": links].merging(extra) { $1 }
        }
        let key = { (context: [String: Any]) in partials.key(context, partial: 0) }
        XCTAssertNotNil(key(context(current: 0)))
        XCTAssertEqual(key(context(current: 1)), key(context(current: 1)), "the page's own title is not read")
        XCTAssertNotEqual(key(context(current: 0)), key(context(current: 1)))
        XCTAssertNotEqual(key(context(current: 0)), key(context(current: 0, root: "../../")))
        XCTAssertEqual(
            key(context(current: 0)), key(context(current: 0, extra: ["url": "x", "label": ["a": 1]])),
            "every entry of the menu holds `url` and `label`: the page's own are never reached")
        // A menu entry without `url` shows the page's.
        var lacking = context(current: 0)
        var menu = lacking["nav"] as! [[String: Any]]
        menu[1]["url"] = nil
        lacking["nav"] = menu
        XCTAssertNotEqual(key(lacking), key(lacking.merging(["url": "x"]) { $1 }), "read below an entry that lacks it")
        XCTAssertNil(key(lacking.merging(["url": ["a": 1]]) { $1 }), "a dictionary shown as text")
        XCTAssertNil(key(context(current: 0, extra: ["root": MustacheLambda { "x" }])), "a lambda")
        // Whatever the key says, a page renders as it would have without the partials kept.
        let store = PagePartials.Store()
        var plain = MustacheLibrary()
        for (name, text) in templates { plain.register(try MustacheTemplate(string: text), named: name) }
        var keys: Set<String> = []
        for extra in [[:], ["url": "x"], ["url": ["a": 1]], ["root": "./"]] as [[String: Any]] {
            for values in (0..<3).map({ context(current: $0, extra: extra) }) + [lacking.merging(extra) { $1 }] {
                var values = values
                let expected = plain.render(values, withTemplate: "page")
                if let key = key(values) { keys.insert(key) }
                partials.mark(&values, store: store)
                XCTAssertEqual(partials.library.render(values, withTemplate: "page"), expected, "\(extra) \(values)")
                XCTAssertEqual(partials.library.render(values, withTemplate: "page"), expected, "again, from the store")
            }
        }
        // Three menus, two roots; the menu lacking a `url`, with three values of the page's.
        XCTAssertEqual(keys.count, 6 + 3)
        XCTAssertEqual(store.count, keys.count)
    }

    /// A name read inside sections is left out of the key when each section's value holds it
    /// (or shows nothing): the page's value is never reached there.
    func testNamesTheSectionsHoldAreNotReadFromThePage() throws {
        let partial = "{{#feeds}}{{title}}{{/feeds}}{{^none}}{{label}}{{/none}}{{#.top}}{{x}}{{/.top}}{{#a}}{{#b}}{{y}}{{/b}}{{>inner}}{{/a}}{{z}}{{#c}}{{z}}{{/c}}"
        let templates = ["page": "{{>partial}}!", "partial": partial, "inner": "{{w}}{{#d}}{{v}}{{/d}}"]
        let reads = PagePartialAnalysis.reads("partial", templates: templates)
        XCTAssertTrue(reads.qualifies)
        XCTAssertEqual(reads.scopes["title"], ["feeds"])
        XCTAssertEqual(reads.scopes["b"], ["a"])
        XCTAssertEqual(reads.scopes["y"], ["a"], "the outermost section: its value comes from the page's context")
        XCTAssertEqual(reads.scopes["w"], ["a"], "a partial called inside a section")
        XCTAssertEqual(reads.scopes["v"], ["a"])
        XCTAssertEqual(reads.unscoped, ["feeds", "none", "label", "top", "x", "a", "z", "c"].reduce(into: []) { $0.insert($1) }, "\(reads.unscoped)")
        XCTAssertNil(reads.scopes["label"], "an inverted section pushes nothing to find a name in")
        XCTAssertNil(reads.scopes["x"], "a section that reads the top of the stack")
        XCTAssertNil(reads.scopes["z"], "read outside a section too")

        let partials = try Self.partials(templates)
        let key = { (context: [String: Any]) in partials.key(context, partial: partials.partials.firstIndex { $0.name == "partial" }!) }
        let feeds: [[String: Any]] = [["title": "F1"], ["title": "F2"]]
        let base: [String: Any] = ["feeds": feeds, "title": "page", "a": ["b": true, "y": "Y", "w": "W", "d": false]]
        XCTAssertNotNil(key(base))
        XCTAssertEqual(key(base), key(base.merging(["title": "other", "y": "other", "w": "other"]) { $1 }))
        XCTAssertNotEqual(key(base), key(base.merging(["v": "other"]) { $1 }), "`v` is read in `a`, which lacks it")
        XCTAssertNotEqual(key(base), key(base.merging(["x": "other"]) { $1 }))
        for hiding in [nil, false, [] as [Any], ["title": "T"], [["title": "T"]]] as [Any?] {
            XCTAssertTrue(PagePartials.hides("title", hiding), "\(String(describing: hiding))")
        }
        for showing in [true, "text", 0, ["name": "T"], [["title": "T"], ["name": "T"]], ["T"]] as [Any] {
            XCTAssertFalse(PagePartials.hides("title", showing), "\(showing)")
        }
        let someLack: [[String: Any]] = [["title": "F1"], [:]]
        XCTAssertNotEqual(key(base.merging(["feeds": someLack]) { $1 }), key(base.merging(["feeds": someLack, "title": "other"]) { $1 }))

        // Whatever the key says, a page renders as it would have without the partials kept.
        var plain = MustacheLibrary()
        for (name, text) in templates { plain.register(try MustacheTemplate(string: text), named: name) }
        var random = SplitMix(seed: 21)
        func text() -> Any? { ["A", "B", nil][Int(random.next() % 3)] }
        func pushed(_ names: [String]) -> Any? {
            func one() -> [String: Any] {
                var object: [String: Any] = [:]
                for name in names { object[name] = text() }
                return object
            }
            switch random.next() % 6 {
            case 0: return nil
            case 1: return random.next() % 2 == 0
            case 2: return (0..<Int(random.next() % 3)).map { _ in one() }
            case 3: return "s"
            default: return one()
            }
        }
        let store = PagePartials.Store()
        var (keys, renders) = (0, 0)
        let names = ["title", "label", "x", "y", "z", "w", "v"]
        for _ in 0..<500 {
            var values: [String: Any] = [:]
            for name in names { values[name] = text() }
            values["feeds"] = pushed(["title"])
            values["none"] = pushed(["label"])
            values["top"] = pushed(["x"])
            values["c"] = pushed(["z"])
            var a = (pushed(["y", "w"]) as? [String: Any]) ?? [:]
            a["b"] = pushed(["y"])
            a["d"] = pushed(["v"])
            values["a"] = random.next() % 4 == 0 ? [a, a] : a
            // The same context with one value of the page changed, which it hides or not.
            for name in names {
                var variant = values
                variant[name] = values[name] as? String == "A" ? "B" : "A"
                for var context in [values, variant] {
                    let expected = plain.render(context, withTemplate: "page")
                    if key(context) != nil { keys += 1 }
                    renders += 1
                    partials.mark(&context, store: store)
                    XCTAssertEqual(partials.library.render(context, withTemplate: "page"), expected, "\(context)")
                }
            }
        }
        XCTAssertGreaterThan(keys, renders * 2 / 3, "most contexts have a key")
        XCTAssertLessThan(store.count, keys / 2, "and share texts")
    }

    /// A partial that differs on every page of one part of the site is no longer kept, then
    /// tried again a part later, and kept when pages share it there.
    func testAPartialNoLongerKeptIsTriedAgainLater() throws {
        let partials = try Self.partials(["page": "{{>feeds}}", "feeds": "{{#feeds}}{{url}}{{/feeds}}"])
        let store = PagePartials.Store()
        let partial = PagePartials.Store.Partial(partials: ObjectIdentifier(partials), index: 0)
        func page(_ key: String) -> Bool {
            guard store.keeps(partial) else { return false }
            _ = store.text(partial, of: partials, key: key) { key }
            return true
        }
        // Events: each its own calendar.
        for event in 0..<PagePartials.Store.trial { XCTAssertTrue(page("event \(event)")) }
        var skipped = 0
        while !page("fiche") && skipped < 2 * PagePartials.Store.retry { skipped += 1 }
        XCTAssertEqual(skipped, PagePartials.Store.retry - 1, "then tried again")
        // Fiches: all the same.
        for _ in 0..<(3 * PagePartials.Store.trial) { XCTAssertTrue(page("fiche")) }
        XCTAssertEqual(store.kept(partials, index: 0).found, 3 * PagePartials.Store.trial)
        XCTAssertEqual(store.kept(partials, index: 0).texts, PagePartials.Store.trial + 1)
    }

    /// Lists and dictionaries inside a dictionary (a fiche's theme links) get a key, unless a
    /// dictionary stands where the partial shows a text.
    func testNestedValuesGetAKeyUnlessShownAsText() throws {
        let partial = "{{#item.themes}}{{label}}:{{#values}}<a href=\"{{root}}{{url}}\">{{text}}</a>{{/values}}{{/item.themes}}"
        let partials = try Self.partials(["page": "{{>partial}}", "partial": partial])
        func themes(_ values: [[String: Any]], label: Any = "Thèmes") -> [String: Any] {
            // As `PageContext` makes them: dictionaries of `Any`.
            let themes: [String: Any] = ["label": label, "values": values]
            let item: [String: Any] = ["themes": themes]
            return ["root": "../", "item": item]
        }
        let one = themes([["text": "Foncier", "url": "themes/foncier/"]])
        XCTAssertNotNil(partials.key(one, partial: 0))
        XCTAssertEqual(partials.key(one, partial: 0), partials.key(themes([["url": "themes/foncier/", "text": "Foncier"]]), partial: 0))
        XCTAssertNotEqual(partials.key(one, partial: 0), partials.key(themes([["text": "Foncier", "url": "themes/foncier"]]), partial: 0))
        XCTAssertNotEqual(
            partials.key(one, partial: 0), partials.key(themes([["text": "Foncier", "url": "themes/foncier/"], ["text": "X", "url": "x/"]]), partial: 0))
        XCTAssertNil(partials.key(themes([["text": ["a": "b"], "url": "x/"]]), partial: 0), "a dictionary shown as text")
        XCTAssertNil(partials.key(themes([], label: ["a": "b"]), partial: 0), "a dictionary shown as text")
        XCTAssertNotNil(partials.key(themes([], label: ["a", "b"]), partial: 0), "a list of texts shows the same text")
        let deep = themes([["text": "Foncier", "url": "x/", "more": ["a": ["b": ["c": "d"]]]]])
        XCTAssertNil(partials.key(deep, partial: 0), "nested deeper than two levels")
    }

    /// A list of two or more such dictionaries gets the same keys whether its encoding is
    /// remembered (`Store.ListEncodings`) or made anew.
    func testNestedValuesInAListGetTheSameKeysRemembered() throws {
        let partial = "{{#fields}}{{label}}:{{#values}}<a href=\"{{root}}{{url}}\">{{text}}</a>{{/values}}{{/fields}}"
        let partials = try Self.partials(["page": "{{>partial}}", "partial": partial])
        let lists = PagePartials.Store().lists
        func fields(_ text: String, label: Any = "Thèmes") -> [String: Any] {
            let fields: [[String: Any]] = [
                ["label": label, "values": [["text": text, "url": "themes/foncier/"]] as [[String: Any]]],
                ["label": "Régions", "values": [["text": "Bretagne", "url": "regions/bretagne/"]] as [[String: Any]]],
            ]
            return ["root": "../", "fields": fields]
        }
        let contexts = [fields("Foncier"), fields("Foncier"), fields("Habitat"), fields("Foncier", label: "Thème")]
        let fresh = contexts.map { partials.key($0, partial: 0) }
        let remembered = contexts.map { partials.key($0, partial: 0, lists: lists) }
        for a in contexts.indices {
            XCTAssertNotNil(fresh[a])
            XCTAssertNotNil(remembered[a], "nested values in a remembered list")
            for b in contexts.indices {
                XCTAssertEqual(remembered[a] == remembered[b], fresh[a] == fresh[b], "\(a) and \(b)")
            }
        }
        XCTAssertEqual(remembered[0], remembered[1])
        XCTAssertNotEqual(remembered[0], remembered[2])
        // A dictionary where the partial shows a text: no key, remembered or not.
        let shownAsText = fields("Foncier", label: ["a": "b"])
        XCTAssertNil(partials.key(shownAsText, partial: 0))
        XCTAssertNil(partials.key(shownAsText, partial: 0, lists: lists))
    }

    /// The encodings of lists are remembered by the lists' storage and numbered by their
    /// text: two contexts get the same key with them exactly when they get the same key
    /// encoded anew, whether their lists share storage or not; a list that cannot be told by
    /// its text is never given a key.
    func testSharedListsGiveKeysThatTellContextsApartAsBefore() throws {
        let header = "{{root}}{{#nav}}{{url}}{{#current}}*{{/current}}{{/nav}}{{#pages}}{{label}}{{/pages}}"
        let partials = try Self.partials(["page": "{{>header}}!", "header": header])
        let lists = PagePartials.Store().lists
        func menu(_ current: Int, label: String = "L") -> [[String: Any]] {
            (0..<4).map { ["label": "\(label)\($0)", "url": "u\($0)/", "current": $0 == current] }
        }
        let shared = (0..<3).map { menu($0) }
        let footer: [[String: Any]] = [["label": "À propos", "url": "a-propos/"], ["label": "Contact", "url": "contact/"]]
        var changed = shared[0]
        changed[1]["url"] = "autre/"
        // Shared arrays, equal copies made apart, a changed copy, other labels, other roots.
        var contexts: [[String: Any]] = []
        for root in ["../", "../../"] {
            for nav in shared + (0..<3).map({ menu($0) }) + [changed, menu(1, label: "M")] {
                contexts.append(["root": root, "nav": nav, "pages": footer])
            }
        }
        let fresh = contexts.map { partials.key($0, partial: 0) }
        for round in 0..<2 {
            let remembered = contexts.map { partials.key($0, partial: 0, lists: lists) }
            for a in contexts.indices {
                XCTAssertNotNil(remembered[a])
                for b in contexts.indices {
                    XCTAssertEqual(remembered[a] == remembered[b], fresh[a] == fresh[b], "round \(round): \(a) and \(b)")
                }
            }
        }
        XCTAssertLessThan(partials.key(contexts[0], partial: 0, lists: lists)!.utf8.count, fresh[0]!.utf8.count)
        // A list holding a dictionary of dictionaries cannot be told by its text: no key, remembered or not.
        let deep: [[String: Any]] = [["url": "a/", "current": false, "label": ["x": 1]], ["url": "b/", "current": true, "label": "b"]]
        XCTAssertNil(partials.key(["root": "../", "nav": deep, "pages": footer], partial: 0))
        XCTAssertNil(partials.key(["root": "../", "nav": deep, "pages": footer], partial: 0, lists: lists))
        XCTAssertNil(partials.key(["root": "../", "nav": deep, "pages": footer], partial: 0, lists: lists))
    }
}
