import XCTest
import Yams

@testable import CastorKit

/// Front matter is parsed without Yams' type rules, and only the scalars that could be typed are
/// given to `Resolver.default` (`YAMLReader.mayBeTyped`): every value must get the kind the
/// default resolver gives it, and a repeated field must still be refused.
final class YAMLTypesTests: XCTestCase {
    /// Values of every kind YAML 1.1 knows, and texts that start like them.
    static let samples: [String] = [
        "", "~", "null", "Null", "NULL", "nul", "nulle", "None",
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "oui", "non", "y", "n", "Y", "N", "tru", "fals", "offf", "onn", "yess",
        "Toulouse", "Fiche SCIC", "Oui, bien sûr", "No comment", "Tontine solidaire", "Février",
        "0", "7", "42", "-3", "+5", "007", "0o17", "0b101", "0x1F", "1_000", "190:20:30", "12:30", "9:05",
        "3.14", "-2.5e+3", "1e5", ".5", ".inf", "-.Inf", ".NaN", ".nan", "1.", "6.8523015e+5", "1_000.5",
        "2027-05-12", "2027-5-12", "2027-05-12T09:30", "2027-05-12T09:30:00", "2027-05-12 09:30:00",
        "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2027-13-45", "12/05/2027",
        "<<", "<", "<b>gras</b>", "=", "==", "= égal", "-", "--", "- tiret", "+", ".", "..", "~/dossier",
        "1 rue de la Paix", "75011", "06 12 34 56 78", "+33 6 12 34 56 78", "3 ans", "0,5", "1er mai",
        "ÉTÉ", "été", "œuvre", "🏠 maison", "Z", "t", "f", "o", "O",
    ]

    func testNoScalarLeftAsTextIsOneTheDefaultResolverTypes() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789+-.:_~<=eExXbBoOyYnNtTfFlLsSuUaAiI TZ-éÉ")
        var texts = Self.samples
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...10, using: &random)
            texts.append(String((0..<length).map { _ in alphabet.randomElement(using: &random)! }))
        }
        for text in texts where !YAMLReader.mayBeTyped(text) {
            let tag = Resolver.default.resolveTag(of: .scalar(.init(text)))
            XCTAssertEqual(tag, .str, "« \(text) » is a \(tag.rawValue) for Yams but was left as text")
        }
    }

    func testEveryValueGetsTheKindOfTheDefaultResolver() throws {
        var documents = Self.samples.map { "v: \($0)\nl: [\($0.isEmpty ? "''" : $0)]\n\($0): clé\n" }
        documents.append("explicite: !!str 42\nentier: !!int \"12\"\ncite: \"42\"\n")
        var compared = 0
        for yaml in documents {
            // Some samples are not plain scalars at all (« - tiret »): YAML refuses them either way.
            guard let reference = try? Yams.compose(yaml: yaml, .default, .default, .utf8), case .mapping(let mapping) = reference else {
                XCTAssertThrowsError(try YAMLReader.read(yaml, lineOffset: 1), yaml)
                continue
            }
            guard case .map(let entries, _) = try XCTUnwrap(try YAMLReader.read(yaml, lineOffset: 1)) else {
                return XCTFail("not a mapping: \(yaml)")
            }
            XCTAssertEqual(entries.count, mapping.count)
            for (entry, (key, value)) in zip(entries, mapping) {
                XCTAssertEqual(entry.key, key.string)
                var tree = entry.value
                var node = value
                if case .list(let items, _) = tree, let first = items.first, let firstNode = value.sequence?.first {
                    (tree, node) = (first, firstNode)
                }
                guard case .scalar(_, let kind, _) = tree else { return XCTFail("not a scalar: \(yaml)") }
                XCTAssertEqual(kind, Self.kind(node), "\(entry.key) in \(yaml)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, Self.samples.count * 2)
    }

    func testARepeatedFieldIsStillRefused() {
        for yaml in ["title: A\ntitle: B\n", "1: a\n1: b\n", "oui: a\noui: b\n"] {
            XCTAssertThrowsError(try YAMLReader.read(yaml, lineOffset: 1), yaml) { error in
                XCTAssertTrue((error as? YAMLReader.Failure)?.message.contains("champ en double") == true, "\(error)")
            }
        }
        XCTAssertNoThrow(try YAMLReader.read("1: a\n01: b\nyes: c\nYes: d\n", lineOffset: 1))
    }

    /// The kind the reader gave before: the tag `Resolver.default` resolved while parsing.
    static func kind(_ node: Node) -> YAMLTree.ScalarKind? {
        guard let scalar = node.scalar else { return nil }
        if scalar.style != .plain && scalar.style != .any { return .quoted }
        switch Tag.Name(rawValue: node.tag.rawValue) {
        case .int: return .int
        case .float: return .float
        case .bool: return .bool
        case .null: return .null
        case .timestamp: return .timestamp
        default: return .string
        }
    }
}
