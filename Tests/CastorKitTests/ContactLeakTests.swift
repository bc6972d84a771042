import Foundation
import XCTest

@testable import CastorKit

/// A hostile site: e-mail addresses and phone numbers planted in every text a volunteer
/// writes (titles, summaries, places, authors, headings, bodies, links, a web contact's query
/// string), in every format people use. It is built with the real `castor` binary, and every
/// generated file is scanned, decoded, for each of them.
extension EndToEndTests {
    /// A planted phone number: how it is written, and its digits without the country code or
    /// the leading 0 (what is left whatever the separators and the prefix).
    struct PlantedPhone {
        let written: String
        let significant: String
    }

    static let plantedEmails = [
        "annonce.titre@exemple.org", "prenom.nom@exemple.org", "marie.dupont@asso-exemple.fr",
        "ecrire@exemple.org", "ecrire.autolien@exemple.org", "web.contact@exemple.org", "agenda.inscription@exemple.org",
        "agenda.corps@exemple.org", "agenda.lieu@exemple.org", "fiche.resume@exemple.org", "fiche.titre@exemple.org",
        "fiche.corps@exemple.org", "annonce.contact@exemple.org", "page.titre@exemple.org", "code@exemple.org", "rené.accent@écolieu.fr",
    ]

    static let plantedPhones: [PlantedPhone] = [
        .init(written: "06 12 34 56 78", significant: "612345678"),
        .init(written: "06.41.42.43.44", significant: "641424344"),
        .init(written: "06/51/52/53/54", significant: "651525354"),
        .init(written: "0761626364", significant: "761626364"),
        .init(written: "+33 6 71 72 73 74", significant: "671727374"),
        .init(written: "+33 (0)6 81 82 83 84", significant: "681828384"),
        .init(written: "0033 6 91 92 93 94", significant: "691929394"),
        .init(written: "+32 470 12 34 56", significant: "470123456"),
        .init(written: "+41 79 123 45 67", significant: "791234567"),
        .init(written: "+41 22 765 43 21", significant: "227654321"),
        .init(written: "06\u{00A0}11\u{00A0}22\u{00A0}33\u{00A0}44", significant: "611223344"),
        .init(written: "06\u{202F}21\u{202F}22\u{202F}23\u{202F}24", significant: "621222324"),
        .init(written: "06\t31\t32\t33\t34", significant: "631323334"),
        .init(written: "07-11-22-33-44", significant: "711223344"),
        .init(written: "+33699887766", significant: "699887766"),
        .init(written: "06 44 55 66 77", significant: "644556677"),
        .init(written: "06.45.46.47.48", significant: "645464748"),
        .init(written: "06 55 66 77 88", significant: "655667788"),
        .init(written: "06 56 57 58 59", significant: "656575859"),
        .init(written: "06 57 58 59 60", significant: "657585960"),
        .init(written: "06 60 61 62 63", significant: "660616263"),
        .init(written: "07 12 13 14 15", significant: "712131415"),
    ]

    /// Writes the hostile items into a fixture workspace.
    func plantContacts(in folder: URL) throws {
        let content = folder.appendingPathComponent("content")
        func write(_ path: String, _ text: String) throws {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write(
            "annonces/hostile.md",
            """
            ---
            title: "Terrain, appelez le 06 12 34 56 78 ou annonce.titre@exemple.org"
            category: terrain
            region: bretagne
            published: 2026-11-10
            contact: annonce.contact@exemple.org
            summary: "Contact : 06.41.42.43.44 ou prenom.nom@exemple.org, ou annonce.contact@exemple.org"
            ---
            ## Appeler le 06/51/52/53/54

            Écrire à marie.dupont@asso-exemple.fr, ou au 0761626364, ou au +33 6 71 72 73 74.
            Mobile : +33 (0)6 81 82 83 84 ; depuis l'étranger 0033 6 91 92 93 94.
            Belgique +32 470 12 34 56, Suisse +41 79 123 45 67.
            Insécables : 06\u{00A0}11\u{00A0}22\u{00A0}33\u{00A0}44, fines 06\u{202F}21\u{202F}22\u{202F}23\u{202F}24, tabulations 06\t31\t32\t33\t34.
            [Écrivez-nous](mailto:ecrire@exemple.org?subject=Terrain) ou [appelez](tel:+33699887766), ou <ecrire.autolien@exemple.org>.
            Le contact de l'annonce : annonce.contact@exemple.org. En code : `code@exemple.org`.

            Visite le 12/06/2027 à 10:30, prix 120 000 €, depuis 2019.

            """)
        try write(
            "annonces/web.md",
            """
            ---
            title: Annonce au formulaire
            category: terrain
            published: 2026-11-12
            contact: "https://exemple.org/contact?email=web.contact@exemple.org"
            ---
            Par le formulaire.

            """)
        try write(
            "annonces/telephone.md",
            """
            ---
            title: Annonce au téléphone
            category: cherche-groupe
            published: 2026-11-12
            contact: "07 12 13 14 15"
            summary: "Appelez le 07 12 13 14 15 le soir."
            ---
            Appelez le 07 12 13 14 15 ou le 07-11-22-33-44.

            """)
        try write(
            "agenda/hostile.md",
            """
            ---
            title: "Soirée, réservez au 06 44 55 66 77"
            start: 2026-12-12T18:00
            location: "Salle des fêtes, tél. 06.45.46.47.48, agenda.lieu@exemple.org"
            region: bretagne
            summary: "Inscriptions : agenda.inscription@exemple.org"
            ---
            Infos : +41 22 765 43 21 ou agenda.corps@exemple.org.

            """)
        try write(
            "fiches/boite-a-outils/hostile.md",
            """
            ---
            title: "Fiche contact 06 55 66 77 88"
            summary: "Écrire à fiche.resume@exemple.org"
            updated: 2026-11-01
            authors: ["Marie, 06 56 57 58 59"]
            ---
            ## Joindre fiche.titre@exemple.org

            Texte.

            ## Ou le 06 57 58 59 60

            Texte, fiche.corps@exemple.org, ou rené.accent@écolieu.fr.

            """)
        try write(
            "pages/hostile.md",
            """
            ---
            title: "Page 06 60 61 62 63"
            summary: "Écrire à page.titre@exemple.org"
            ---
            Texte.

            """)
    }

    /// The text of a generated file as a harvester would read it: character references,
    /// JSON and JavaScript escapes, iCalendar folding and escapes and `%40` decoded, every kind
    /// of space folded to a plain space.
    static func decoded(_ data: Data) -> String {
        var text = String(decoding: data, as: UTF8.self)
        text = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
        for (escaped, plain) in [("\\n", " "), ("\\,", ","), ("\\;", ";"), ("\\/", "/"), ("\\t", " ")] {
            text = text.replacingOccurrences(of: escaped, with: plain)
        }
        text = replacing(text, pattern: "\\\\u([0-9a-fA-F]{4})", radix: 16)
        for _ in 0..<2 {  // Atom's HTML content is escaped twice.
            text = replacing(text, pattern: "&#[xX]([0-9a-fA-F]+);", radix: 16)
            text = replacing(text, pattern: "&#([0-9]+);", radix: 10)
            for (entity, plain) in [("&nbsp;", " "), ("&quot;", "\""), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: plain)
            }
        }
        text = text.replacingOccurrences(of: "%40", with: "@").replacingOccurrences(of: "%20", with: " ")
            .replacingOccurrences(of: "%2B", with: "+")
        return String(
            text.unicodeScalars.map { scalar -> Character in
                [0x09, 0xA0, 0x202F, 0x2009, 0x2007].contains(scalar.value) ? " " : Character(scalar)
            })
    }

    static func replacing(_ text: String, pattern: String, radix: Int) -> String {
        let regex = try! NSRegularExpression(pattern: pattern)
        let source = text as NSString
        var result = ""
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: last, length: match.range.location - last))
            let number = source.substring(with: match.range(at: 1))
            if let value = UInt32(number, radix: radix), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
            } else {
                result += source.substring(with: match.range)
            }
            last = match.range.location + match.range.length
        }
        return result + source.substring(from: last)
    }

    /// Digits with what people put between them removed: a number is found whatever its separators.
    static func digitsJoined(_ text: String) -> String {
        String(text.filter { !" .-/()+".contains($0) })
    }

    func testNoGeneratedFileHoldsAPlantedContactEvenDecoded() throws {
        let folder = try workspace()
        try plantContacts(in: folder)
        let result = try run(buildArguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = Self.files(under: folder.appendingPathComponent("site"))
        XCTAssertGreaterThan(files.count, 40)
        var leaks: [String: Set<String>] = [:]
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let text = Self.decoded(data)
            let lower = text.lowercased()
            let digits = Self.digitsJoined(text)
            for email in Self.plantedEmails where lower.contains(email) { leaks[path, default: []].insert(email) }
            for phone in Self.plantedPhones where digits.contains(phone.significant) {
                leaks[path, default: []].insert(phone.written)
            }
        }
        let report = leaks.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.sorted().joined(separator: " | "))" }
        XCTAssertTrue(leaks.isEmpty, "planted contacts found in \(leaks.count) files:\n" + report.joined(separator: "\n"))

        // What was masked stays readable.
        func page(_ path: String) -> String { Self.decoded(files[path] ?? Data()) }
        let ad = page("annonces/hostile/index.html")
        XCTAssertTrue(ad.contains("<h1>Terrain, appelez le [contact sur l'annonce] ou [contact sur l'annonce]</h1>"), ad)
        XCTAssertTrue(ad.contains("<title>Terrain, appelez le [contact sur l'annonce]"), ad)
        XCTAssertTrue(ad.contains("class=\"contact-masque\""), ad)
        XCTAssertTrue(ad.contains("[contact masqué]"), ad)
        XCTAssertTrue(ad.contains("Visite le 12/06/2027 à 10:30, prix 120 000 €, depuis 2019."), "ordinary numbers untouched")
        XCTAssertTrue(page("annonces/index.html").contains("Contact : [contact sur l'annonce] ou [contact sur l'annonce]"))
        let fiche = page("fiches/boite-a-outils/hostile/index.html")
        XCTAssertTrue(fiche.contains("Joindre [contact masqué]"), fiche)
        XCTAssertTrue(fiche.contains("<h1>Fiche contact [contact masqué]</h1>"), fiche)
        XCTAssertTrue(page("agenda/hostile/hostile.ics").contains("SUMMARY:Soirée, réservez au [contact masqué]"))
        XCTAssertTrue(page("agenda/widget.js").contains("Salle des fêtes, tél. [contact masqué], [contact masqué]"))
        XCTAssertTrue(page("agenda/evenements.json").contains("Inscriptions : [contact masqué]"))
        XCTAssertTrue(page("annonces/atom.xml").contains("<title>Terrain, appelez le [contact sur l'annonce]"))
        // The ads' own contacts are still behind the button, web addresses holding an e-mail too.
        let raw = String(decoding: files["annonces/hostile/index.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(raw.contains("data-contact=\"\(ContactMask.scrambled("annonce.contact@exemple.org"))\""))
        let web = String(decoding: files["annonces/web/index.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(web.contains("data-contact=\"\(ContactMask.scrambled("https://exemple.org/contact?email=web.contact@exemple.org"))\""), web)
        XCTAssertTrue(web.contains("data-kind=\"web\""), web)
    }
}
