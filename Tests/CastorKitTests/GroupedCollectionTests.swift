import Foundation
import XCTest

@testable import CastorKit

/// Issue 12: what the fiches had as code of their own is now declaration keys any collection can
/// use: a listing per group (`groups`, `group_empty`), `related`, `card_format`, `latest`,
/// `feed: {head, authors}`, `search: {groups}`, `stale` with its own sentence, and the site-wide
/// pages of a vocabulary (`site_listings:` at the top of collections.yml, fed by each
/// collection's own `site_listings`).
final class GroupedCollectionTests: XCTestCase {
    static let guides = """
        site_listings:
          sujets:
            title: Sujets
            intro: Tout, sujet par sujet.
            value_title: "Sujet : {valeur}"
            value_intro: "Ce qui traite de « {valeur} »."
            empty: Rien sur ce sujet.
            navigation: true
        collections:
          guides:
            label: Guides
            singular: Guide
            groups: guide_types
            listing: true
            intro: Les guides du réseau.
            order: {field: updated, direction: desc}
            navigation: true
            group_empty: Aucun guide de ce type.
            card: [sujets]
            card_format: {date_label: Revu le, field_labels: false, group: true}
            latest: 2
            related: {field: sujets, limit: 2}
            site_listings: [sujets]
            feed: {title: Guides nouveaux, head: true, authors: auteurs}
            search: {groups: true}
            stale: {field: updated, after_days: 365, message: "guide à relire (revu le {date})"}
            fields:
              title: {type: text, label: Titre, required: true}
              summary: {type: text, label: Résumé}
              sujets: {type: terms, label: Sujets, vocabulary: sujets}
              updated: {type: date, label: Revu le, required: true}
              auteurs: {type: text_list, label: Auteurs}

        """

    func testTheKeysAreRead() throws {
        let read = CollectionDeclarations.read(yaml: Self.guides, file: "collections.yml", vocabularies: ["sujets", "guide_types"])
        XCTAssertEqual(read.diagnostics.map(\.formatted), [])
        let publishing = try XCTUnwrap(read.collections?.first).publishing
        XCTAssertEqual(publishing.related, RelatedSpec(field: "sujets", limit: 2))
        XCTAssertEqual(publishing.cardFormat.dateLabel, "Revu le")
        XCTAssertFalse(publishing.cardFormat.fieldLabels)
        XCTAssertTrue(publishing.cardFormat.group)
        XCTAssertEqual(publishing.latest, 2)
        XCTAssertEqual(publishing.groupEmpty, "Aucun guide de ce type.")
        XCTAssertTrue(publishing.feedHead)
        XCTAssertEqual(publishing.feedAuthors, "auteurs")
        XCTAssertTrue(publishing.searchGroups)
        XCTAssertNil(publishing.searchLabel)
        XCTAssertEqual(publishing.siteListings, ["sujets"])
        XCTAssertEqual(
            read.siteListings,
            [SiteListingPage(
                vocabulary: "sujets", title: "Sujets", intro: "Tout, sujet par sujet.", valueTitle: "Sujet : {valeur}",
                valueIntro: "Ce qui traite de « {valeur} ».", empty: "Rien sur ce sujet.", navigation: true)])
    }

    /// Every mistake in these keys is reported at its place, all at once.
    func testEveryMistakeIsReportedWithItsPlace() {
        let yaml = """
            site_listings:
              sujet:
                title: Sujets
              themes:
                intro: Sans titre
                couleur: bleu
            collections:
              guides:
                label: Guides
                singular: Guide
                related: {field: updated, limit: 0}
                card_format: {date_label: "", group: oui}
                latest: beaucoup
                group_empty: ""
                feed: {title: Guides, head: peut-être, authors: sujets}
                search: {groups: true}
                site_listings: [regions, themes]
                fields:
                  title: {type: text, label: Titre, required: true}
                  sujets: {type: terms, label: Sujets, vocabulary: themes}
                  updated: {type: date, label: Revu le}
              notes:
                label: Notes
                singular: Note
                related: {limit: 3, champ: sujets}
                card_format: {group: true}
                fields:
                  title: {type: text, label: Titre, required: true}
            """
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "collections.yml", vocabularies: ["regions", "themes"])
        XCTAssertNil(collections)
        let lines = diagnostics.map { "\($0.line):\($0.column) \($0.message)" }
        let expected = [
            "2:3 « site_listings » : la liste « sujet » n'existe pas dans site.yml",
            "6:5 clé inconnue « couleur » dans « themes » de « site_listings »",
            "4:3 « site_listings » : « title » manquant pour « themes »",
            "4:3 « site_listings » : « value_title » manquant pour « themes »",
            "11:22 « related » : « updated » est de type date, pas une liste de valeurs",
            "11:38 « related » : « limit » doit être un nombre de contenus plus grand que 0",
            "12:31 « card_format » : « date_label » doit être un texte",
            "12:42 « card_format » : « group » doit valoir true ou false",
            "13:13 « latest » doit être un nombre de contenus plus grand que 0",
            "14:18 « group_empty » de la collection « guides » doit être un texte",
            "15:33 « head » de « feed » doit valoir true ou false",
            "15:53 « authors » de « feed » : « sujets » est de type terms, pas une liste de textes (text_list)",
            "16:22 « groups » de « search » demande une collection rangée en sous-dossiers (« groups »)",
            "17:20 « site_listings » : aucun champ de « guides » ne prend ses valeurs dans la liste « regions »",
            "17:20 « site_listings » de la collection « guides » : la liste « themes » n'a pas de pages communes",
            "25:25 clé inconnue « champ » dans « related » de la collection « notes »",
            "25:5 « related » de la collection « notes » : « field » manquant ou vide",
            "26:26 « card_format » : « group » demande une collection rangée en sous-dossiers (« groups »)",
        ]
        for line in expected {
            XCTAssertTrue(lines.contains { $0.hasPrefix(line) }, "missing: \(line)\n" + lines.joined(separator: "\n"))
        }
        XCTAssertEqual(lines.count, expected.count, lines.joined(separator: "\n"))
    }

    /// The related items: most shared values first, then the listing's order; only the first
    /// items of each value are compared.
    func testRelatedItemsShareTheMostValues() throws {
        let read = CollectionDeclarations.read(yaml: Self.guides, file: "collections.yml", vocabularies: ["sujets", "guide_types"])
        let schema = try XCTUnwrap(read.collections?.first)
        func item(_ slug: String, _ sujets: [String]) -> Item {
            Item(Entry(
                collection: schema, relativePath: "guides/a/\(slug).md", displayPath: "content/guides/a/\(slug).md", group: "a", slug: slug,
                isBundle: false, fields: ["title": .text(slug), "sujets": .list(sujets), "updated": .date(LocalDate(iso: "2026-01-01")!)],
                positions: [:], body: "", bodyFirstLine: 1, url: "guides/a/\(slug)/"))
        }
        let items = [item("a", ["x", "y"]), item("b", ["x"]), item("c", ["x", "y"]), item("d", ["z"]), item("e", ["y"])]
        let related = PublishedCollection.relatedItems(items, spec: schema.publishing.related)
        XCTAssertEqual(related[0], [2, 1], "two shared values first, then one, at most two")
        XCTAssertEqual(related[3], [], "nothing shared")
        XCTAssertEqual(PublishedCollection.relatedItems(items, spec: schema.publishing.related, window: 1)[4], [0], "only the first item of each value")
        XCTAssertEqual(PublishedCollection.relatedItems(items, spec: nil), [])

        // Many items, many ties: the same choice as the plain definition (a tally per item,
        // sorted by shared values then listing order), whatever the window.
        var generator = SystemRandomNumberGenerator()
        let vocabulary = (0..<12).map { "s\($0)" }
        let many = (0..<1_500).map { number in
            item("n\(number)", (0..<Int.random(in: 0...4, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! })
        }
        for window in [1, 7, 60] {
            let spec = try XCTUnwrap(schema.publishing.related)
            XCTAssertEqual(PublishedCollection.relatedItems(many, spec: spec, window: window), Self.plainRelated(many, spec: spec, window: window))
        }
    }

    /// The definition of the related items, written plainly.
    static func plainRelated(_ items: [Item], spec: RelatedSpec, window: Int) -> [[Int]] {
        var byValue: [String: [Int]] = [:]
        for (index, item) in items.enumerated() {
            for slug in item.terms(spec.field) { byValue[slug, default: []].append(index) }
        }
        return items.indices.map { index in
            var scores: [Int: Int] = [:]
            for slug in items[index].terms(spec.field) {
                for other in (byValue[slug] ?? []).prefix(window) where other != index { scores[other, default: 0] += 1 }
            }
            return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(spec.limit).map(\.key)
        }
    }
}

/// Building with the real CLI, through the end-to-end harness.
extension EndToEndTests {
    /// A new grouped collection declared in YAML only (with a new list of site.yml, a new
    /// site-wide vocabulary page, related items, a head feed, per-group search types) is
    /// published with its groups' listings, related cards, site-wide pages, feed and search.
    func testTheCLIPublishesAGroupedCollectionDeclaredInYAMLOnly() throws {
        let folder = try workspace()
        let content = folder.appendingPathComponent("content")
        let declarations = content.appendingPathComponent("collections.yml")
        var yaml = try String(contentsOf: declarations, encoding: .utf8)
        let guides = GroupedCollectionTests.guides
        let pages = guides[..<guides.range(of: "collections:\n")!.lowerBound]
        let collection = guides[guides.range(of: "collections:\n")!.upperBound...]
        yaml = yaml.replacingOccurrences(of: "\nsite_listings:\n", with: "\n" + pages)
        yaml = yaml.replacingOccurrences(of: "\ncollections:\n", with: "\ncollections:\n" + collection)
        try yaml.write(to: declarations, atomically: true, encoding: .utf8)
        let site = content.appendingPathComponent("site.yml")
        try (try String(contentsOf: site, encoding: .utf8) + "\nguide_types:\n  demarrer: Démarrer\n  vivre: Vivre ensemble\nsujets:\n  foncier: Foncier\n  gouvernance: Gouvernance\n")
            .write(to: site, atomically: true, encoding: .utf8)
        let folderOf = content.appendingPathComponent("guides/demarrer")
        try FileManager.default.createDirectory(at: folderOf, withIntermediateDirectories: true)
        func write(_ slug: String, _ title: String, _ sujets: String, _ updated: String) throws {
            try "---\ntitle: \(title)\nsummary: Résumé de \(title).\nsujets: [\(sujets)]\nupdated: \(updated)\nauteurs: [Marie]\n---\n\n## Un\n\nTexte.\n\n## Deux\n\nTexte.\n"
                .write(to: folderOf.appendingPathComponent(slug + ".md"), atomically: true, encoding: .utf8)
        }
        try write("trouver-un-terrain", "Trouver un terrain", "foncier", "2026-10-01")
        try write("acheter-a-plusieurs", "Acheter à plusieurs", "foncier, gouvernance", "2026-11-01")
        try write("decider-ensemble", "Décider ensemble", "gouvernance", "2024-01-01")

        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("guides : 3"), result.stdout)
        let out = folder.appendingPathComponent("site")
        func page(_ path: String) throws -> String { try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8) }

        // The listing links to each group; each group has its listing, the empty one its sentence.
        let listing = try page("guides/index.html")
        XCTAssertTrue(listing.contains("<a href=\"../guides/demarrer/\">Démarrer</a>"), listing)
        let titles = ["Acheter à plusieurs", "Trouver un terrain", "Décider ensemble"].map { listing.range(of: $0)?.lowerBound }
        XCTAssertFalse(titles.contains(nil), listing)
        XCTAssertEqual(titles.compactMap { $0 }, titles.compactMap { $0 }.sorted(), "newest update first")
        XCTAssertTrue(listing.contains("<span class=\"etiquette\">Guide</span> · <time datetime=\"2026-11-01\">Revu le "), listing)
        XCTAssertTrue(listing.contains("</time> · Démarrer · Foncier, Gouvernance</p>"), "the group, then the values without their label: " + listing)
        XCTAssertTrue(try page("guides/demarrer/index.html").contains("Trouver un terrain"))
        XCTAssertTrue(try page("guides/vivre/index.html").contains("Aucun guide de ce type."))

        // The item: breadcrumbs through its group, related cards, values linked to the site-wide pages.
        let item = try page("guides/demarrer/acheter-a-plusieurs/index.html")
        XCTAssertTrue(item.contains("<a href=\"../../../guides/demarrer/\">Démarrer</a>"), item)
        XCTAssertTrue(item.contains("<a href=\"../../../sujets/foncier/\">Foncier</a>"), item)
        XCTAssertTrue(item.contains("title=\"Guides nouveaux\" href=\"../../../guides/atom.xml\""), item)

        // The site-wide pages of the new vocabulary, in the menu of every page.
        let index = try page("sujets/index.html")
        XCTAssertTrue(index.contains("Tout, sujet par sujet."), index)
        let foncier = try page("sujets/foncier/index.html")
        XCTAssertTrue(foncier.contains("<h1>Sujet\u{00A0}: Foncier</h1>"), foncier)
        XCTAssertTrue(foncier.contains("Trouver un terrain") && foncier.contains("Acheter à plusieurs") && !foncier.contains("Décider ensemble"), foncier)
        let home = try page("index.html")
        XCTAssertTrue(home.contains("<a href=\"./sujets/\""), "the menu has the site-wide pages")
        XCTAssertTrue(home.contains("href=\"./guides/atom.xml\""), "every page announces the head feed")

        // Feed with authors and groups, search types per group.
        let feed = try page("guides/atom.xml")
        XCTAssertTrue(feed.contains("<author><name>Marie</name></author>"), feed)
        XCTAssertTrue(feed.contains("<category term=\"demarrer\" label=\"Démarrer\"/>"), feed)
        let manifest = try page("recherche/index/index.js")
        XCTAssertTrue(manifest.contains("[\"demarrer\",\"Démarrer\",\"guides/demarrer/\","), manifest)

        // `stale` with its own sentence.
        let check = try run(["check", "--content", "content", "--templates", "templates", "--now", "2026-11-23"], in: folder)
        XCTAssertTrue(check.stderr.contains("decider-ensemble.md") && check.stderr.contains("guide à relire (revu le 1er janvier 2024)"), check.stderr)
    }
}
