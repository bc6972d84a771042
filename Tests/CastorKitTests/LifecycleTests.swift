import Foundation
import XCTest

@testable import CastorKit

/// Issue 12: the petites annonces are a declared collection. What was their dedicated code is
/// now declaration keys any collection can use: `lifecycle` (expiry with a default lifetime),
/// `listing_paths`, `site_listings`, `feed: {per_value}`, `contact_placeholder`, `intro`,
/// `starter`, `menu_label`.
final class LifecycleTests: XCTestCase {
    /// Every mistake in the new keys is reported at its place, all at once.
    func testEveryMistakeInTheNewKeysIsReportedWithItsPlace() {
        let yaml = """
            collections:
              appels:
                label: Appels à projets
                singular: Appel
                listings: [regions]
                lifecycle: {field: closes, from: prix, default_days: 0}
                listing_paths: {region: regions, regions: "Par Région"}
                site_listings: [themes]
                feed: {title: Appels, per_value: [ad_categories]}
                contact_placeholder: ""
                fields:
                  title: {type: text, label: Titre, required: true}
                  region: {type: term, label: Région, vocabulary: regions}
                  prix: {type: price, label: Prix}
                  closes: {type: date, label: Clôture}
              offres:
                label: Offres
                singular: Offre
                lifecycle: {from: published}
                fields:
                  title: {type: text, label: Titre, required: true}
                  published: {type: date, label: Publication}
            """
        let (collections, diagnostics) = CollectionDeclarations.load(
            yaml: yaml, file: "collections.yml", vocabularies: ["regions", "themes", "ad_categories"])
        XCTAssertNil(collections)
        let lines = diagnostics.map { "\($0.line):\($0.column) \($0.message)" }
        let expected = [
            "6:38 « lifecycle » : « prix » est de type price, pas une date",
            "6:58 « lifecycle » : « default_days » doit être un nombre de jours plus grand que 0",
            "7:21 « listing_paths » : « region » n'est pas dans « listings » de la collection « appels » : vouliez-vous écrire « regions » ?",
            "7:47 « listing_paths » : le chemin de « regions » s'écrit en minuscules, chiffres et tirets",
            "8:20 « site_listings » : aucun champ de « appels » ne prend ses valeurs dans la liste « themes »",
            "9:38 « per_value » de « feed » : « ad_categories » n'est pas dans « listings » de la collection « appels »",
            "10:26 « contact_placeholder » de la collection « appels » doit être un texte",
            "19:5 « lifecycle » de la collection « offres » : « field » manquant",
            "19:5 « lifecycle » de la collection « offres » : « from » et « default_days » vont ensemble",
        ]
        for line in expected {
            XCTAssertTrue(lines.contains { $0.hasPrefix(line) }, "missing: \(line)\n" + lines.joined(separator: "\n"))
        }
        XCTAssertEqual(lines.count, expected.count, lines.joined(separator: "\n"))
    }

    /// The project's ads are declared with the keys, and nothing of them is in Swift.
    func testTheAdsAreDeclaredNotCoded() throws {
        let setup = SiteSetup.load(contentRoot: EndToEndTests.repository.appendingPathComponent("content").path)
        let ads = try XCTUnwrap(setup.collections?.first { $0.id == "annonces" })
        XCTAssertEqual(ads.publishing.lifecycle, Lifecycle(field: "expires", from: "published", defaultDays: 90))
        XCTAssertEqual(ads.publishing.listingPaths, ["category": "categories", "region": "regions"])
        XCTAssertEqual(ads.publishing.siteListings, ["regions"])
        XCTAssertEqual(ads.publishing.feedPerValue, ["category"])
        XCTAssertEqual(ads.publishing.contactPlaceholder, "[contact sur l'annonce]")
        XCTAssertEqual(ads.publishing.menuLabel, "Annonces")
        let sources = EndToEndTests.repository.appendingPathComponent("Sources")
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                XCTAssertFalse(line.contains("BuiltinKinds.ads") || line.contains("\"annonces\"") || line.contains("ad_categories\""),
                    "\(url.lastPathComponent): \(line)")
            }
        }
    }

    /// The agenda is a declaration too: `calendar:` names its fields, each checked.
    func testEveryMistakeInTheCalendarIsReportedWithItsPlace() {
        let yaml = """
            collections:
              rencontres:
                label: Rencontres
                singular: Rencontre
                calendar: {start: debut, end: lieu, location: lieu, status: statut, scope: theme, json: Rencontres.txt, salle: x}
                fields:
                  title: {type: text, label: Titre, required: true}
                  start: {type: date_or_datetime, label: Début, required: true}
                  lieu: {type: text, label: Lieu}
                  statut: {type: choice, label: Statut, choices: {confirmed: Confirmé, annule: Annulé}}
                  theme: {type: term, label: Thème, vocabulary: themes}
            """
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "collections.yml", vocabularies: ["regions", "themes"])
        XCTAssertNil(collections)
        let lines = diagnostics.map { "\($0.line):\($0.column) \($0.message)" }
        let expected = [
            "clé inconnue « salle » dans « calendar » de la collection « rencontres »",
            "« calendar » : « debut » n'est pas un champ de « rencontres »",
            "« calendar » : « end » est de type text, il faut un champ date ou date_or_datetime",
            "« calendar » : les valeurs de « statut » doivent être prises parmi confirmed, cancelled, postponed",
            "« calendar » : « scope » est de type term, il faut un champ term sur la liste « regions »",
            "« calendar » : « json » est un nom de fichier en minuscules qui finit par .json",
        ]
        // All on the line of `calendar:`, each message once.
        for message in expected {
            XCTAssertTrue(lines.contains { $0.hasPrefix("5:") && $0.contains(message) }, "missing: \(message)\n" + lines.joined(separator: "\n"))
        }
        XCTAssertEqual(lines.count, expected.count, lines.joined(separator: "\n"))
        XCTAssertTrue(diagnostics.allSatisfy { $0.line == 5 }, lines.joined(separator: "\n"))
    }

    /// The project's agenda is declared with `calendar:`, and no longer has code of its own.
    func testTheAgendaIsDeclaredNotCoded() throws {
        let setup = SiteSetup.load(contentRoot: EndToEndTests.repository.appendingPathComponent("content").path)
        let agenda = try XCTUnwrap(setup.collections?.first { $0.publishing.calendar != nil })
        XCTAssertEqual(agenda.publishedPrefix, "agenda/")
        XCTAssertEqual(agenda.publishing.calendar?.scope, "region")
        XCTAssertEqual(agenda.publishing.calendar?.json, "evenements.json")
    }

    /// An old site.yml setting the ads' lifetime is told where it went.
    func testTheOldLifetimeSettingOfSiteYmlPointsToTheDeclaration() {
        let (_, diagnostics) = SiteConfig.load(
            yaml: "title: x\nbase_url: https://x.org/\nad_default_lifetime_days: 60\nfiche_types: {a: A}\nthemes: {a: A}\nregions: {a: A}\n",
            file: "site.yml")
        XCTAssertEqual(diagnostics.map { "\($0.line):\($0.column) \($0.message)" }, ["3:27 « ad_default_lifetime_days » ne se règle plus dans site.yml"])
    }
}

extension EndToEndTests {
    /// A collection declared in YAML only with `lifecycle`: its expired items leave the site,
    /// those leaving soon are announced by `castor build`, the page says until when.
    func testAnyDeclaredCollectionCanExpire() throws {
        let folder = try workspace()
        let content = folder.appendingPathComponent("content")
        let declarations = content.appendingPathComponent("collections.yml")
        try (try String(contentsOf: declarations, encoding: .utf8) + """

              appels:
                label: Appels à projets
                singular: Appel
                intro: Les appels à projets ouverts aux groupes.
                order: {field: opens, direction: desc}
                lifecycle: {field: closes, from: opens, default_days: 30}
                starter: |
                  À compléter : qui lance l'appel, pour qui, quel montant.
                fields:
                  title: {type: text, label: Titre, required: true}
                  opens: {type: date, label: Ouverture, required: true}
                  closes: {type: date, label: Clôture}

            """).write(to: declarations, atomically: true, encoding: .utf8)
        let folderOfItems = content.appendingPathComponent("appels")
        try FileManager.default.createDirectory(at: folderOfItems, withIntermediateDirectories: true)
        try "---\ntitle: Fondation, appel de printemps\nopens: 2026-11-01\ncloses: 2026-11-30\n---\nTexte.\n"
            .write(to: folderOfItems.appendingPathComponent("fini.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Région, appel d'automne\nopens: 2026-11-10\n---\nTexte.\n"
            .write(to: folderOfItems.appendingPathComponent("bientot.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Ville, appel d'hiver\nopens: 2026-11-20\ncloses: 2027-03-01\n---\nTexte.\n"
            .write(to: folderOfItems.appendingPathComponent("ouvert.md"), atomically: true, encoding: .utf8)
        let result = try run(["build", "--content", "content", "--templates", "templates", "--output", "site", "--now", "2026-12-01"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Appels à projets : 1 contenu expiré n'est pas publié."), result.stdout)
        XCTAssertTrue(result.stdout.contains("Appels à projets qui expirent dans les 14 jours (prévenez leurs auteurs) :\n  - content/appels/bientot.md : « Région, appel d'automne », expire le 10 décembre 2026"), result.stdout)
        let site = folder.appendingPathComponent("site")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("appels/fini/index.html").path))
        // French typography puts no-break spaces before « jours », inside dates…: compared as spaces.
        func read(_ path: String) throws -> String {
            try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
                .replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        }
        let page = try read("appels/bientot/index.html")
        XCTAssertTrue(page.contains("En ligne jusqu’au <time datetime=\"2026-12-10\">10 décembre 2026</time> (durée par défaut de 30 jours)"), page)
        let open = try read("appels/ouvert/index.html")
        XCTAssertTrue(open.contains("En ligne jusqu’au <time datetime=\"2027-03-01\">1er mars 2027</time></p>"), open)
        XCTAssertFalse(open.contains("<dt>Clôture</dt>"), "the last day is said once")
        let listing = try read("appels/index.html")
        XCTAssertTrue(listing.contains("<p class=\"chapo\">Les appels à projets ouverts aux groupes.</p>"), listing)
        XCTAssertTrue(listing.contains("Ouverture : 20 novembre 2026"), listing)
        XCTAssertLessThan(try XCTUnwrap(listing.range(of: "appel d&#39;hiver")).lowerBound, try XCTUnwrap(listing.range(of: "appel d&#39;automne")).lowerBound)

        // castor check warns about the item leaving soon; castor new writes the declared starter.
        let check = try run(["check", "--content", "content", "--templates", "templates", "--now", "2026-12-01"], in: folder)
        XCTAssertTrue(check.stderr.contains(
            "content/appels/bientot.md:3:8: avertissement : fin de publication dans 9 jours, le 10 décembre 2026 (durée par défaut de 30 jours après « opens »)"),
            check.stderr)
        XCTAssertFalse(check.stderr.contains("content/appels/ouvert.md"), "three months ahead is not soon")
        let new = try run(["new", "appel", "Département, appel de printemps", "--content", "content", "--now", "2026-11-23"], in: folder)
        XCTAssertEqual(new.status, 0, new.stderr)
        let created = try String(contentsOf: folderOfItems.appendingPathComponent("departement-appel-de-printemps.md"), encoding: .utf8)
        XCTAssertTrue(created.hasSuffix("---\n\nÀ compléter : qui lance l'appel, pour qui, quel montant.\n"), created)
    }
}

/// `default:` of a term or choice field: `castor new` and the web editor start from it.
final class FieldDefaultTests: XCTestCase {
    func testADefaultIsCheckedUsedByNewAndGivenToTheEditor() throws {
        let yaml = """
            collections:
              questions:
                label: Questions
                singular: Question
                fields:
                  title: {type: text, label: Question, required: true}
                  status: {type: choice, label: Statut, required: true, choices: {ouverte: Ouverte, close: Close}, default: fermee}
                  note: {type: text, label: Note, default: rien}
            """
        let (collections, diagnostics) = CollectionDeclarations.load(yaml: yaml, file: "collections.yml", vocabularies: ["regions"])
        XCTAssertNil(collections)
        XCTAssertEqual(diagnostics.map { "\($0.line):\($0.column) \($0.message)" }, [
            "7:113 « default » : « fermee » n'est pas une valeur de « choices »",
            "8:39 « default » ne sert qu'aux champs de type term ou choice",
        ])

        // The project's questions start « ouverte » without --categorie, in castor new and in the editor.
        let content = EndToEndTests.repository.appendingPathComponent("content").path
        let setup = SiteSetup.load(contentRoot: content)
        let config = try XCTUnwrap(setup.config)
        let questions = try XCTUnwrap(setup.collections?.first { $0.field("status")?.defaultValue == "ouverte" })
        let draft = try Scaffold.draft(
            Scaffold.Request(collection: questions, title: "Une SCI peut-elle emprunter ?", today: LocalDate(iso: "2026-12-01")!),
            config: config, contentRoot: content)
        XCTAssertTrue(draft.text.contains("\nstatus: ouverte  # obligatoire"), draft.text)
        let editor = DecapConfig.yaml(config: config, collections: setup.collections ?? [], backend: .init())
        XCTAssertTrue(editor.contains("    required: true\n    default: \"ouverte\"\n    hint: \"ouverte, en-cours"), "the editor starts from it")
    }
}
