import Foundation
import XCTest

@testable import CastorKit

final class ContactScannerTests: XCTestCase {
    /// Text → what the scanner must find in it (exactly, in order).
    static let positives: [(String, [String])] = [
        ("Appelez le 06 12 34 56 78.", ["06 12 34 56 78"]),
        ("Appelez le 06\u{00A0}12\u{00A0}34\u{00A0}56\u{00A0}78", ["06\u{00A0}12\u{00A0}34\u{00A0}56\u{00A0}78"]),
        ("le 06\u{202F}12\u{202F}34\u{202F}56\u{202F}78 !", ["06\u{202F}12\u{202F}34\u{202F}56\u{202F}78"]),
        ("le 06\u{2009}12\u{2009}34\u{2009}56\u{2009}78", ["06\u{2009}12\u{2009}34\u{2009}56\u{2009}78"]),
        ("tab 06\t12\t34\t56\t78", ["06\t12\t34\t56\t78"]),
        ("06.12.34.56.78", ["06.12.34.56.78"]),
        ("06/12/34/56/78", ["06/12/34/56/78"]),
        ("06-12-34-56-78", ["06-12-34-56-78"]),
        ("(0612345678)", ["0612345678"]),
        ("Tél. : 01 42 00 00 00", ["01 42 00 00 00"]),
        ("+33 6 12 34 56 78", ["+33 6 12 34 56 78"]),
        ("+33612345678", ["+33612345678"]),
        ("+33 (0)6 12 34 56 78", ["+33 (0)6 12 34 56 78"]),
        ("+33 (0) 6 12 34 56 78", ["+33 (0) 6 12 34 56 78"]),
        ("0033 6 12 34 56 78", ["0033 6 12 34 56 78"]),
        ("+32 470 12 34 56", ["+32 470 12 34 56"]),
        ("+32 2 123 45 67", ["+32 2 123 45 67"]),
        ("0032 2 123 45 67", ["0032 2 123 45 67"]),
        ("+41 79 123 45 67", ["+41 79 123 45 67"]),
        ("+41 22 123 45 67", ["+41 22 123 45 67"]),
        ("+1 514-123-4567", ["+1 514-123-4567"]),
        ("+262 262 12 34 56", ["+262 262 12 34 56"]),
        ("tel:+33612345678", ["+33612345678"]),
        ("?tel=0612345678&x=1", ["0612345678"]),
        ("Écrire à prenom.nom@exemple.org.", ["prenom.nom@exemple.org"]),
        ("<prenom+tag@sous.exemple.fr>", ["prenom+tag@sous.exemple.fr"]),
        ("https://exemple.org/contact?email=prenom.nom@exemple.org&x=1", ["prenom.nom@exemple.org"]),
        ("https://exemple.org/contact?email=prenom.nom%40exemple.org", ["prenom.nom%40exemple.org"]),
        ("0612345678@exemple.org", ["0612345678@exemple.org"]),
        ("Écrire à rené.dupont@écolieu.fr, merci", ["rené.dupont@écolieu.fr"]),
        ("Contact\u{00A0}:\u{00A0}marie@exemple.org", ["marie@exemple.org"]),
        ("« marie@exemple.org »", ["marie@exemple.org"]),
        ("06 12 34 56 78 ou a@b.fr", ["06 12 34 56 78", "a@b.fr"]),
    ]

    /// Texts where nothing is a contact.
    static let negatives: [String] = [
        "Le 12/06/2027 à 10:30.",
        "Du 01/06/2027 10:30 au 02/06/2027.",
        "2027-06-12T09:30",
        "2026-11-23, 2027 et 1999",
        "Prix : 120 000 € ; 2 000 m² ; 120\u{202F}000\u{00A0}€",
        "https://annuaire.example.org/entreprise/06123456789012",
        "https://exemple.org/0612345678",
        "?siret=01234567890123",
        "SIREN 012 345 678",
        "Version 0.6.12, code 06123",
        "06 12 34 56 789",
        "06.12.34.56.78.90",
        "+15 % en 2027",
        "+3 200 000 000",
        "+1 000 personnes",
        "+33 6 12",
        "a0612345678",
        "@castor_coop sur le réseau",
        "version@2.0",
        "a@b",
        "x@localhost",
        "9 h 30 – 17 h",
        "0 €, 00 h 00",
    ]

    func testFindsEveryFormatOfContact() {
        for (text, expected) in Self.positives {
            let found = ContactScanner.matches(in: text).map { match -> String in
                let bytes = Array(text.utf8)[match.range]
                return String(decoding: bytes, as: UTF8.self)
            }
            XCTAssertEqual(found, expected, "in « \(text) »")
        }
    }

    func testLeavesOrdinaryNumbersAlone() {
        for text in Self.negatives {
            XCTAssertEqual(ContactScanner.matches(in: text), [], "in « \(text) »")
            XCTAssertEqual(ContactMask.masked(text), text)
        }
    }

    func testTextsGetAReadablePlaceholder() {
        XCTAssertEqual(
            ContactMask.masked("Terrain, appelez le 06 12 34 56 78 ou a.b@c.fr", placeholder: "[contact sur l'annonce]"),
            "Terrain, appelez le [contact sur l'annonce] ou [contact sur l'annonce]")
        XCTAssertEqual(ContactMask.masked("Salle, tél. 06.45.46.47.48"), "Salle, tél. [contact masqué]")
        // An ad's own contact, whatever its format, is masked too.
        XCTAssertEqual(ContactMask.masked("Appelez le 061 234 5678", literal: ["061 234 5678"]), "Appelez le [contact masqué]")
    }

    func testHTMLLinksAndAttributesAreMasked() {
        let html = """
            <p><a href="mailto:ecrire@exemple.org?subject=Terrain">Écrivez-nous</a>, <a href="tel:+33699887766">appelez</a>, \
            <a href="mailto:x@exemple.org">x@exemple.org</a>, <a href="https://exemple.org/f?email=web%40exemple.org&amp;a=1">formulaire</a>, \
            <a href="https://exemple.org/">site</a> <img src="a.png" alt="Tél. 06 12 34 56 78" /> <code>c@exemple.org</code></p>
            """
        let masked = ContactMask.maskHTML(html)
        for leak in ["ecrire@", "699887766", "x@exemple", "web%40", "06 12 34", "c@exemple"] {
            XCTAssertFalse(masked.contains(leak), "\(leak) in \(masked)")
        }
        XCTAssertTrue(masked.contains(ContactMask.reveal("ecrire@exemple.org", kind: "email", label: "Écrivez-nous")), masked)
        XCTAssertTrue(masked.contains(ContactMask.reveal("+33699887766", kind: "phone", label: "appelez")), masked)
        XCTAssertTrue(masked.contains(ContactMask.reveal("x@exemple.org", kind: "email")), masked)
        XCTAssertTrue(masked.contains(ContactMask.reveal("https://exemple.org/f?email=web%40exemple.org&a=1", kind: "web", label: "formulaire")), masked)
        XCTAssertTrue(masked.contains("<a href=\"https://exemple.org/\">site</a>"))
        XCTAssertTrue(masked.contains("alt=\"Tél. [contact masqué]\""), masked)
        XCTAssertTrue(masked.contains("<code>" + ContactMask.reveal("c@exemple.org", kind: "email") + "</code>"), masked)
    }

    func testHeadingsOfTheTableOfContentsAreMasked() {
        let rendered = MarkdownRenderer().render("## Joindre a.b@exemple.org\n\n## Ou le 06 12 34 56 78\n", file: "x.md", firstLine: 1)
        XCTAssertEqual(rendered.headings.map(\.text), ["Joindre [contact masqué]", "Ou le [contact masqué]"])
        XCTAssertEqual(rendered.headings.map(\.id), ["joindre-contact-masque", "ou-le-contact-masque"])
    }

    func testEntryTextsAreMaskedOnceForEveryOutput() throws {
        // The ads declare `contact_placeholder: "[contact sur l'annonce]"` (collections.yml).
        let ad = Item(
            try entry(
                TestCollections.ads,
                yaml: "title: Terrain, appelez le 06 12 34 56 78\ncategory: terrain\npublished: 2026-05-01\ncontact: \"061 234 5678\"\nsummary: Appelez le 061 234 5678\n"))
        XCTAssertEqual(ad.title, "Terrain, appelez le [contact sur l'annonce]")
        XCTAssertEqual(ad.summary, "Appelez le [contact sur l'annonce]")
        XCTAssertEqual(ad.entry["contact"]?.text, "061 234 5678", "the contact itself is kept for the button")
        let event = Event(
            try entry(
                TestCollections.events,
                yaml: "title: Soirée au 06 44 55 66 77\nstart: 2026-12-12\nlocation: Salle, a@b.fr\nsummary: Écrire à c@d.fr\n"),
            spec: try XCTUnwrap(TestCollections.events.publishing.calendar))
        XCTAssertEqual(event.title, "Soirée au [contact masqué]")
        XCTAssertEqual(event.location, "Salle, [contact masqué]")
        XCTAssertEqual(event.summary, "Écrire à [contact masqué]")
        let fiche = try entry(
            TestCollections.fiches,
            yaml: "title: Fiche 06 55 66 77 88\nsummary: S\nupdated: 2026-01-01\nauthors: [\"Marie, 06 56 57 58 59\"]\n")
        XCTAssertEqual(fiche["authors"]?.list, ["Marie, [contact masqué]"])
    }

    func testWebAddressesAndFileNamesHoldingAContactAreRefused() {
        let (event, diagnostics) = validate(
            TestCollections.events, yaml: "title: T\nstart: 2026-12-12\nregistration: https://exemple.org/?email=a%40b.fr\n")
        XCTAssertNil(event)
        XCTAssertTrue(
            diagnostics.contains { $0.message == "l'adresse web de « registration » contient une adresse e-mail ou un numéro de téléphone, qui serait publié en clair" },
            "\(diagnostics)")
        let (ad, problems) = validate(
            TestCollections.ads, yaml: "title: T\ncategory: terrain\npublished: 2026-05-01\ncontact: a@b.fr\n", slug: "terrain-06-12-34-56-78")
        XCTAssertNil(ad)
        XCTAssertTrue(problems.contains { $0.message.contains("contient un numéro de téléphone, qui serait publié dans l'adresse de la page") }, "\(problems)")
        let (fine, _) = validate(
            TestCollections.events, yaml: "title: T\nstart: 2026-12-12\nregistration: https://exemple.org/inscription/2027\n", slug: "rencontres-2027-06-12")
        XCTAssertNotNil(fine)
    }
}
