/// What a front matter field holds. The checker, the listings and the editor
/// configuration all read these declarations.
public enum FieldType: Sendable, Hashable {
    /// One line of text.
    case text
    /// `YYYY-MM-DD`.
    case date
    /// `YYYY-MM-DD` (all day) or `YYYY-MM-DDTHH:MM` (local time in the site's zone).
    case dateOrDateTime
    case bool
    /// An absolute `http(s)` address.
    case url
    /// An e-mail address, a phone number or an `http(s)` address.
    case contact
    /// A number ≥ 0 (euros).
    case price
    /// One slug from a vocabulary of `site.yml`.
    case term(vocabulary: String)
    /// A list of slugs from a vocabulary of `site.yml`.
    case terms(vocabulary: String)
    /// A list of short texts.
    case textList
    /// One value among fixed choices (value → French label).
    case choice([Choice])
    /// A list of `{file, title}` files inside the item's own folder.
    case attachments
    /// A number within optional bounds and decimals (`FieldType+Extended.swift`).
    case number(NumberRule)
    /// One item of another collection, written as its slug or its path (`ReferenceRule`).
    case reference(ReferenceRule)
    /// A list of items of another collection.
    case references(ReferenceRule)

    public struct Choice: Sendable, Hashable {
        public let value: String
        public let label: String
        public init(_ value: String, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    /// Whether a value may hold any text, so a « # » in it may be part of the value (text,
    /// names, addresses, contacts; the attachments' titles).
    public var isFreeText: Bool {
        switch self {
        case .text, .textList, .url, .contact, .attachments: return true
        case .date, .dateOrDateTime, .bool, .price, .term, .terms, .choice, .number, .reference, .references: return false
        }
    }

    /// How the type is named to a volunteer, in error messages and guides.
    public var frenchDescription: String {
        switch self {
        case .text: return "un texte"
        case .date: return "une date AAAA-MM-JJ"
        case .dateOrDateTime: return "une date AAAA-MM-JJ ou une date et une heure AAAA-MM-JJTHH:MM"
        case .bool: return "true ou false"
        case .url: return "une adresse web commençant par https://"
        case .contact: return "une adresse e-mail, un numéro de téléphone ou une adresse web"
        case .price: return "un nombre positif (en euros)"
        case .term(let vocabulary): return "une valeur de la liste « \(vocabulary) » de site.yml"
        case .terms(let vocabulary): return "une liste de valeurs de « \(vocabulary) » de site.yml"
        case .textList: return "une liste de textes"
        case .choice(let choices): return "une de ces valeurs : " + choices.map(\.value).joined(separator: ", ")
        case .attachments: return "une liste de pièces jointes { file, title }"
        case .number(let rule): return rule.frenchDescription
        case .reference(let rule): return "le nom d'un contenu de « \(rule.collection) » (nom du fichier sans .md)"
        case .references(let rule): return "une liste de noms de contenus de « \(rule.collection) » (noms des fichiers sans .md)"
        }
    }
}

/// One front matter key of a collection.
public struct FieldSpec: Sendable, Hashable {
    public let key: String
    public let label: String
    public let type: FieldType
    public let required: Bool
    /// Names a volunteer may write instead of `key`, mostly French (`lieu` for `location`):
    /// they are refused with a message naming `key`. Compared without case or accents.
    public let aliases: [String]
    /// A value a volunteer may write (`example:` in collections.yml): `castor new` shows it
    /// beside a field it leaves to fill.
    public let example: String?
    /// A sentence for the volunteer (`help:`): the hint of the web editor's field.
    public let help: String?
    /// The value `castor new` and the web editor start from (`default:`, term and choice fields
    /// only): the status « ouverte » of a new question.
    public var defaultValue: String?

    public init(
        _ key: String, _ label: String, _ type: FieldType, required: Bool = false, aliases: [String] = [],
        example: String? = nil, help: String? = nil
    ) {
        self.key = key
        self.label = label
        self.type = type
        self.required = required
        self.aliases = aliases
        self.example = example
        self.help = help
    }
}

/// A rule between two fields of the same item.
public enum FieldRule: Sendable, Hashable {
    /// `later` may not be before `earlier` (`end` ≥ `start`, `expires` ≥ `published`).
    case notBefore(later: String, earlier: String)
    /// Each département `field` names lies in a région `container` names (`departement` within
    /// `region`), by `FranceDepartements`; `position` is the rule's place in collections.yml.
    case within(field: String, container: String, position: SourcePosition)
}
