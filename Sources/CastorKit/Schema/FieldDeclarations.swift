/// The fields of a collection in `collections.yml`: `key: {type, label, required, aliases,
/// vocabulary, choices, example, help}`.
enum FieldDeclarations {
    static let keys = ["type", "label", "required", "aliases", "vocabulary", "choices", "example", "help", "default"] + extendedKeys

    /// The type names of collections.yml, in the order they are listed to a maintainer.
    static let typeNames = [
        "text", "date", "date_or_datetime", "bool", "url", "contact", "price", "term", "terms", "text_list", "choice", "attachments", "number", "reference", "references",
    ]

    /// How a type is written in collections.yml.
    static func typeName(_ type: FieldType) -> String {
        switch type {
        case .text: return "text"
        case .date: return "date"
        case .dateOrDateTime: return "date_or_datetime"
        case .bool: return "bool"
        case .url: return "url"
        case .contact: return "contact"
        case .price: return "price"
        case .term: return "term"
        case .terms: return "terms"
        case .textList: return "text_list"
        case .choice: return "choice"
        case .attachments: return "attachments"
        case .number: return "number"
        case .reference: return "reference"
        case .references: return "references"
        }
    }
}

extension CollectionDeclarations.Reader {
    /// One declared field, or nil after reporting why it cannot be used.
    mutating func field(_ declaration: YAMLTree.Entry, collection: String) -> FieldSpec? {
        let key = declaration.key
        let position = declaration.keyPosition
        let owner = "le champ « \(key) » de « \(collection) »"
        if key == "draft" {
            error(position, "« draft » est ajouté par Castor à chaque collection : ne le déclarez pas", hint: "retirez ce champ de « fields »")
            return nil
        }
        guard Slug.make(key).replacingOccurrences(of: "-", with: "_") == key.replacingOccurrences(of: "-", with: "_"), !key.isEmpty else {
            error(position, "nom de champ « \(key) » invalide : minuscules sans accent, chiffres, « _ »",
                hint: "les noms de champs s'écrivent en anglais, par exemple « organizer » ; les noms français vont dans « aliases »")
            return nil
        }
        guard case .map(let entries, _) = declaration.value else {
            error(declaration.value.position, "\(owner) doit être décrit par des clés « nom: valeur »",
                hint: "au moins type et label, par exemple :\n      \(key):\n        type: text\n        label: …")
            return nil
        }
        let before = diagnostics.count
        unknownKeys(entries, known: FieldDeclarations.keys, context: "dans \(owner)")
        let values = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        func text(_ name: String) -> String? {
            guard let entry = values[name], !entry.value.isNull else { return nil }
            guard let value = entry.value.text, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                error(entry.value.position, "« \(name) » \(owner.replacingOccurrences(of: "le champ", with: "du champ")) doit être un texte")
                return nil
            }
            return value
        }
        let label = text("label")
        if values["label"] == nil {
            error(position, "\(owner) n'a pas de « label »", hint: "le nom du champ en français, montré aux bénévoles, par exemple « label: Organisateur »")
        }
        var required = false
        if let entry = values["required"] {
            if let flag = entry.value.bool {
                required = flag
            } else {
                error(entry.value.position, "« required » doit valoir true ou false")
            }
        }
        var aliases: [String] = []
        if let entry = values["aliases"] {
            if let names = list(entry.value) {
                aliases = names
            } else {
                error(entry.value.position, "« aliases » doit être une liste de noms", hint: "par exemple : aliases: [organisateur, organisé par]")
            }
        }
        let type = fieldType(values, owner: owner, at: position, collection: collection)
        if values["vocabulary"] != nil, let type, !isVocabularyType(type) {
            error(values["vocabulary"]!.keyPosition, "« vocabulary » ne sert qu'aux champs de type term ou terms", hint: "retirez-le, ou changez le type")
        }
        if values["choices"] != nil, let type, !isChoice(type) {
            error(values["choices"]!.keyPosition, "« choices » ne sert qu'aux champs de type choice", hint: "retirez-le, ou écrivez « type: choice »")
        }
        if let type { misplacedExtendedKeys(values, type: type) }
        let example = text("example")
        let help = text("help")
        let defaultValue = text("default")
        if let defaultValue, let type, let entry = values["default"] {
            switch type {
            case .term: break  // checked against site.yml's list where it is used (`castor new`)
            case .choice(let choices) where !choices.contains(where: { $0.value == defaultValue }):
                error(entry.value.position, "« default » : « \(defaultValue) » n'est pas une valeur de « choices »",
                    hint: "valeurs possibles : " + choices.map(\.value).joined(separator: ", "))
            case .choice: break
            default:
                error(entry.keyPosition, "« default » ne sert qu'aux champs de type term ou choice", hint: "retirez-le")
            }
        }
        guard diagnostics.count == before, let type, let label else { return nil }
        var spec = FieldSpec(key, label, type, required: required, aliases: aliases, example: example, help: help)
        spec.defaultValue = defaultValue
        return spec
    }

    func isVocabularyType(_ type: FieldType) -> Bool {
        switch type {
        case .term, .terms: return true
        default: return false
        }
    }

    func isChoice(_ type: FieldType) -> Bool {
        if case .choice = type { return true }
        return false
    }

    /// The field's type with what it needs (vocabulary, choices), or nil after an error.
    mutating func fieldType(_ values: [String: YAMLTree.Entry], owner: String, at position: SourcePosition, collection: String = "") -> FieldType? {
        let typesHint = "types possibles : " + FieldDeclarations.typeNames.joined(separator: ", ")
        guard let entry = values["type"] else {
            error(position, "\(owner) n'a pas de « type »", hint: typesHint)
            return nil
        }
        guard let name = entry.value.text, !entry.value.isNull else {
            error(entry.value.position, "« type » \(owner.replacingOccurrences(of: "le champ", with: "du champ")) doit être un nom de type", hint: typesHint)
            return nil
        }
        switch name {
        case "text": return .text
        case "date": return .date
        case "date_or_datetime": return .dateOrDateTime
        case "bool": return .bool
        case "url": return .url
        case "contact": return .contact
        case "price": return .price
        case "text_list": return .textList
        case "attachments": return .attachments
        case "number": return numberType(values, owner: owner)
        case "reference", "references": return referenceType(values, owner: owner, source: collection, many: name == "references", at: entry.value.position)
        case "term", "terms":
            guard let vocabularyEntry = values["vocabulary"] else {
                error(entry.value.position, "\(owner) est de type \(name) mais n'indique pas sa liste (« vocabulary »)",
                    hint: "ajoutez « vocabulary: » suivi du nom d'une liste de site.yml (\(listsHint))")
                return nil
            }
            guard let vocabulary = vocabularyName(vocabularyEntry, owner: owner) else { return nil }
            return name == "term" ? .term(vocabulary: vocabulary) : .terms(vocabulary: vocabulary)
        case "choice":
            guard let choicesEntry = values["choices"] else {
                error(entry.value.position, "\(owner) est de type choice mais n'a pas de valeurs (« choices »)",
                    hint: "ajoutez par exemple :\n        choices:\n          confirmed: Confirmé\n          cancelled: Annulé")
                return nil
            }
            guard case .map(let items, _) = choicesEntry.value, !items.isEmpty else {
                error(choicesEntry.value.position, "« choices » doit associer chaque valeur à son libellé", hint: "une ligne par valeur, par exemple :   confirmed: Confirmé")
                return nil
            }
            var choices: [FieldType.Choice] = []
            for item in items {
                guard let label = item.value.text, !item.value.isNull else {
                    error(item.value.position, "libellé manquant pour la valeur « \(item.key) »")
                    return nil
                }
                choices.append(.init(item.key, label))
            }
            return .choice(choices)
        default:
            error(entry.value.position, "type inconnu « \(name) » pour \(owner)" + CollectionDeclarations.suggestion(name, among: FieldDeclarations.typeNames),
                hint: typesHint)
            return nil
        }
    }
}
