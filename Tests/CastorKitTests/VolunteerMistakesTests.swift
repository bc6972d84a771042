import Foundation
import XCTest

@testable import CastorKit

/// Mistakes volunteers make in the front matter, and the messages they get (issue 11, item 8).
final class VolunteerMistakesTests: XCTestCase {
    func errors(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map(\.formatted)
    }

    // MARK: Empty optional fields, as the web editor writes them

    func testEmptyOptionalFieldsAreTreatedAsAbsent() throws {
        let event = try entry(
            TestCollections.events,
            yaml: """
                title: Atelier
                start: 2027-03-04
                end: ""
                location: ''
                region: ""
                summary: ~
                online: null
                registration: ""
                status: ""
                announced: ""
                draft: ""
                """)
        for key in ["end", "location", "region", "summary", "online", "registration", "status", "announced", "draft"] {
            XCTAssertNil(event[key], key)
        }
        let fiche = try entry(
            TestCollections.fiches,
            yaml: """
                title: Fiche
                summary: Résumé.
                themes: []
                regions: [""]
                updated: 2026-01-01
                authors:
                attachments: []
                """, group: "structures-juridiques")
        XCTAssertNil(fiche["themes"])
        XCTAssertNil(fiche["regions"])
        XCTAssertNil(fiche["authors"])
        let ad = try entry(
            TestCollections.ads,
            yaml: """
                title: Terrain
                category: terrain
                published: 2026-11-01
                contact: contact@groupe.example.org
                expires: ""
                price: ""
                region: ""
                """)
        XCTAssertNil(ad["price"])
        XCTAssertNil(ad["expires"])
    }

    func testEmptyRequiredFieldsStillFail() {
        let (entry, diagnostics) = validate(TestCollections.pages, yaml: "title: \"\"\nsummary: \"\"\n")
        XCTAssertNil(entry)
        XCTAssertEqual(errors(diagnostics), ["content/pages/x.md:2:8: erreur : champ obligatoire vide : « title »\n  conseil : indiquez un texte"])
    }

    // MARK: French or misspelt field names

    func testFrenchFieldNamesAreErrorsNamingTheDeclaredField() {
        let cases: [(CollectionSchema, String, String)] = [
            (TestCollections.events, "lieu", "location"), (TestCollections.events, "fin", "end"),
            (TestCollections.events, "debut", "start"), (TestCollections.events, "début", "start"),
            (TestCollections.events, "date", "start"), (TestCollections.events, "statut", "status"),
            (TestCollections.events, "inscription", "registration"), (TestCollections.events, "région", "region"),
            (TestCollections.ads, "prix", "price"), (TestCollections.ads, "expire", "expires"),
            (TestCollections.ads, "expiration", "expires"), (TestCollections.ads, "catégorie", "category"),
            (TestCollections.ads, "Titre", "title"), (TestCollections.fiches, "résumé", "summary"),
            (TestCollections.fiches, "resume", "summary"), (TestCollections.fiches, "thèmes", "themes"),
            (TestCollections.fiches, "thème", "themes"), (TestCollections.fiches, "themse", "themes"),
            (TestCollections.fiches, "auteurs", "authors"), (TestCollections.fiches, "auteur", "authors"),
            (TestCollections.fiches, "région", "regions"), (TestCollections.fiches, "pièces jointes", "attachments"),
            (TestCollections.fiches, "Title", "title"), (TestCollections.pages, "brouillon", "draft"),
            (TestCollections.pages, "titel", "title"), (TestCollections.events, "où", "location"),
            (TestCollections.events, "ned", "end"), (TestCollections.fiches, "Mise à jour", "updated"),
        ]
        for (schema, key, expected) in cases {
            let (_, diagnostics) = validate(schema, yaml: "\(key): x\n")
            let found = diagnostics.first { $0.message.hasPrefix("champ « \(key) » inconnu") }
            XCTAssertEqual(found?.severity, .error, "\(schema.id) \(key)")
            XCTAssertEqual(found?.message, "champ « \(key) » inconnu : vouliez-vous écrire « \(expected) » ?", "\(schema.id) \(key)")
            XCTAssertEqual(found?.line, 2)
            XCTAssertTrue(found?.hint?.contains("remplacez « \(key): » par « \(expected): »") == true, found?.hint ?? "")
        }
    }

    func testAFieldNamedInFrenchIsNotAlsoReportedMissing() {
        let (entry, diagnostics) = validate(TestCollections.events, yaml: "title: Atelier\ndébut: 2027-01-01\n")
        XCTAssertNil(entry)
        XCTAssertEqual(diagnostics.map(\.message), ["champ « début » inconnu : vouliez-vous écrire « start » ?"])
    }

    func testOtherUnknownKeysStayWarnings() {
        for key in ["couleur", "auteur", "image", "tags", "id"] {
            let (entry, diagnostics) = validate(TestCollections.pages, yaml: "title: T\n\(key): x\n")
            XCTAssertNotNil(entry, key)
            XCTAssertEqual(diagnostics.map(\.message), ["champ inconnu « \(key) » : il est ignoré"], key)
            XCTAssertEqual(diagnostics.first?.severity, .warning)
        }
    }

    func testShortAliasesAreNotNearMisses() {
        // `où` is an alias of `location`, but `lu` is not a misspelling of it.
        let (_, diagnostics) = validate(TestCollections.events, yaml: "title: T\nstart: 2027-01-01\nlu: oui\n")
        XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    }

    // MARK: Lists with several bad values

    func testEveryBadValueOfAListIsReported() {
        let (_, diagnostics) = validate(
            TestCollections.fiches,
            yaml: "title: T\nsummary: S\nupdated: 2026-01-01\nthemes: [juridque, juridique, foncier]\nregions:\n  - lune\n  - bretagne\n  - mars\n",
            group: "structures-juridiques")
        XCTAssertEqual(
            diagnostics.map { "\($0.line):\($0.column) \($0.message)" },
            [
                "5:10 valeur « juridque » absente de la liste « themes »",
                "5:31 valeur « foncier » absente de la liste « themes »",
                "7:5 valeur « lune » absente de la liste « regions »",
                "9:5 valeur « mars » absente de la liste « regions »",
            ])
    }

    // MARK: Columns count characters

    func testYAMLColumnsCountCharactersNotBytesNorScalars() throws {
        // « été » written with combining accents: 3 characters, 5 scalars, 7 bytes.
        let tree = try XCTUnwrap(try YAMLReader.read("themes: [e\u{301}te\u{301}, lune]\n", lineOffset: 1))
        guard case .list(let items, _) = tree["themes"] else { return XCTFail("not a list") }
        XCTAssertEqual(items[1].position, SourcePosition(line: 2, column: 15))
    }

    func testAnInvalidByteIsLocatedInCharacters() {
        // « e » + combining accent is one character: the bad byte is the 3rd character of the line.
        let bytes = Array("---\ntitle: e\u{301}\ncafe\u{301}".utf8) + [0xFF]
        guard case .failure(let error) = TextDecoding.utf8(bytes) else { return XCTFail("accepted") }
        XCTAssertEqual(error.position, SourcePosition(line: 3, column: 5))
    }

    func testMarkdownLinkColumnsCountCharactersNotBytes() {
        var positions: [SourcePosition] = []
        _ = MarkdownRenderer().render(
            "Texte.\n\nÉtapes à Orléans : [la fiche](a.md) et e\u{301} [b](b.md)\n> « citée » [c](c.md)\n", file: "f.md", firstLine: 5
        ) { _, position in
            positions.append(position)
            return .keep
        }
        XCTAssertEqual(
            positions,
            [SourcePosition(line: 7, column: 20), SourcePosition(line: 7, column: 42), SourcePosition(line: 8, column: 13)])
    }

    // MARK: Quote mistakes

    func failure(_ yaml: String) -> YAMLReader.Failure? {
        do {
            _ = try YAMLReader.read(yaml, lineOffset: 1)
            return nil
        } catch {
            return error
        }
    }

    func testInnerApostropheInASingleQuotedValueIsPointedAt() throws {
        let failure = try XCTUnwrap(failure("summary: Résumé.\ntitle: 'L'atelier'\nupdated: 2026-01-01\n"))
        XCTAssertEqual(failure.position, SourcePosition(line: 3, column: 10))
        XCTAssertEqual(failure.message, "apostrophe « ' » en trop dans la valeur de « title » : la valeur entre apostrophes s'arrête ici")
        XCTAssertEqual(
            failure.hint,
            "écrivez title: \"L'atelier\" (entre guillemets droits), ou doublez chaque apostrophe intérieure : title: 'L''atelier'")
    }

    func testInnerQuoteInADoubleQuotedValueIsPointedAt() throws {
        let failure = try XCTUnwrap(failure("title: T\nauthors:\n  - \"Le \"Collectif\"\"\n"))
        XCTAssertEqual(failure.position, SourcePosition(line: 4, column: 9))
        XCTAssertEqual(failure.message, "guillemet « \" » en trop dans la valeur de « authors » : la valeur entre guillemets s'arrête ici")
        XCTAssertEqual(
            failure.hint,
            "écrivez - 'Le \"Collectif\"' (entre apostrophes), ou faites précéder chaque guillemet intérieur d'une barre oblique inversée : - \"Le \\\"Collectif\\\"\"")
    }

    func testQuotesAtTheStartOfATextAreKeptInTheSuggestion() throws {
        let failure = try XCTUnwrap(failure("title: \"Atelier\" du jeudi\n"))
        XCTAssertEqual(failure.position, SourcePosition(line: 2, column: 16))
        XCTAssertEqual(
            failure.hint,
            "écrivez title: '\"Atelier\" du jeudi' (entre apostrophes), ou faites précéder chaque guillemet intérieur d'une barre oblique inversée : title: \"\\\"Atelier\\\" du jeudi\"")
    }

    func testUnclosedQuoteIsPointedAtWhereItOpens() throws {
        let failure = try XCTUnwrap(failure("title: 'Réunion\nsummary: Un résumé.\n"))
        XCTAssertEqual(failure.position, SourcePosition(line: 2, column: 8))
        XCTAssertEqual(failure.message, "apostrophe « ' » ouverte ici mais jamais refermée dans la valeur de « title »")
        XCTAssertEqual(failure.hint, "ajoutez l'apostrophe fermante à la fin de la valeur : title: 'Réunion'")
    }

    func testCorrectQuotesStillParse() throws {
        let tree = try XCTUnwrap(try YAMLReader.read("title: 'L''atelier'\nsummary: \"Le \\\"grand\\\" jour\" # note\n", lineOffset: 1))
        XCTAssertEqual(tree["title"]?.text, "L'atelier")
        XCTAssertEqual(tree["summary"]?.text, "Le \"grand\" jour")
    }

    // MARK: Values cut by « # »

    func testValueCutByACommentIsWarned() throws {
        let yaml = """
            title: C# pour tous
            location: Salle #2
            summary: # Ordre du jour
            online: https://visio.example.org/salle #2
            start: 2027-01-01 # obligatoire
            draft: true  # brouillon
            couleur: bleu #2
            """
        let notes = YAMLSourceCheck.cutValues(try YAMLReader.read(yaml, lineOffset: 1), text: yaml, lineOffset: 1, schema: TestCollections.events)
        XCTAssertEqual(notes.map(\.position), [SourcePosition(line: 3, column: 17), SourcePosition(line: 4, column: 10), SourcePosition(line: 5, column: 41)])
        guard notes.count == 3 else { return }
        XCTAssertEqual(notes[0].message, "la valeur de « location » est coupée au « # » : seul « Salle » serait publié")
        XCTAssertEqual(
            notes[0].hint,
            "en YAML, « # » après une espace commence un commentaire ; mettez la valeur entre guillemets : location: \"Salle #2\"")
        XCTAssertEqual(notes[1].message, "la valeur de « summary » est coupée au « # » : le champ serait vide")
        XCTAssertEqual(notes[1].hint?.hasSuffix("summary: \"# Ordre du jour\""), true)
    }

    func testListItemsAndAttachmentTitlesCutByACommentAreWarned() throws {
        let yaml = """
            title: T
            authors:
              - Marie #1
              - "Paul #2"
            attachments:
              - file: plan.pdf
                title: Plan #2
            themes: [juridique] # facultatif
            """
        let notes = YAMLSourceCheck.cutValues(try YAMLReader.read(yaml, lineOffset: 1), text: yaml, lineOffset: 1, schema: TestCollections.fiches)
        XCTAssertEqual(notes.map(\.position), [SourcePosition(line: 4, column: 11), SourcePosition(line: 8, column: 17)])
        XCTAssertEqual(notes.first?.hint?.hasSuffix("mettez la valeur entre guillemets : - \"Marie #1\""), true, notes.first?.hint ?? "")
        XCTAssertEqual(notes.last?.message, "la valeur de « title » est coupée au « # » : seul « Plan » serait publié")
    }

    func testValuesWithQuotesAreSuggestedWithTheRightQuotes() throws {
        let yaml = "location: Salle \"Bleue\" #2\n"
        let notes = YAMLSourceCheck.cutValues(try YAMLReader.read(yaml, lineOffset: 1), text: yaml, lineOffset: 1, schema: TestCollections.events)
        XCTAssertEqual(notes.first?.hint?.hasSuffix("location: 'Salle \"Bleue\" #2'"), true, notes.first?.hint ?? "")
    }
}

extension EndToEndTests {
    /// The web editor (Decap) writes a cleared optional field as `""` or `[]`.
    func testEmptyFieldsAsTheWebEditorWritesThemBuild() throws {
        let folder = try workspace()
        try "---\ntitle: \"Atelier\"\nstart: 2027-03-04\nend: \"\"\nlocation: \"\"\nregion: \"\"\nsummary: \"\"\nonline: \"\"\nstatus: \"\"\n---\nTexte.\n"
            .write(to: folder.appendingPathComponent("content/agenda/vide.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: \"Fiche\"\nsummary: \"Résumé.\"\nthemes: []\nregions: []\nupdated: 2026-01-01\nauthors:\n---\nTexte.\n"
            .write(
                to: folder.appendingPathComponent("content/fiches/structures-juridiques/vide.md"), atomically: true, encoding: .utf8)
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("vide.md"), result.stderr)
        let page = try String(contentsOf: folder.appendingPathComponent("site/agenda/vide/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("Atelier"))
    }
}
