import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `castor new`: a new item of any declared collection , at the
/// right place, with its front matter filled from the collection's declaration (required fields filled or marked « À compléter ») and
/// a short French body to start from. New items are drafts until the volunteer publishes them.
public enum Scaffold {
    /// What is written in place of a required text the volunteer still has to give;
    /// `castor check` warns when it is left in a published item.
    public static let placeholder = "À compléter"
    /// A contact address that reaches no one (`.invalid` is reserved): accepted in a draft, an
    /// error outside drafts (`PublicationRules`).
    public static let placeholderContact = "a-completer@exemple.invalid"

    public struct Request: Sendable {
        /// The declared collection the item belongs to.
        public var collection: CollectionSchema
        /// The sub-folder, a value of the collection's `groups` list .
        public var group: String?
        public var title: String
        /// The file name without `.md`; made from the title when nil.
        public var slug: String?
        /// A value of `regions` for the collection's field on that list.
        public var region: String?
        /// The value of its contact field.
        public var contact: String?
        /// `--date`: the value of its required date-or-time field (the start of an event).
        public var date: String?
        /// `--categorie`: the value of its required field on a list of site.yml.
        public var category: String?
        public var today: LocalDate

        public init(
            collection: CollectionSchema, group: String? = nil, title: String, slug: String? = nil, region: String? = nil,
            contact: String? = nil, date: String? = nil, category: String? = nil, today: LocalDate
        ) {
            self.collection = collection
            self.group = group
            self.title = title
            self.slug = slug
            self.region = region
            self.contact = contact
            self.date = date
            self.category = category
            self.today = today
        }

        /// The field `--date` fills: the first required date-or-time field.
        var dateField: FieldSpec? {
            collection.fields.first { $0.required && $0.type == .dateOrDateTime }
        }

        /// The field `--categorie` fills: the first required field on a list of site.yml other
        /// than the regions (`--region` fills those; without it, the first region is written).
        var categoryField: FieldSpec? {
            collection.fields.first { field in
                guard field.required, case .term(let vocabulary) = field.type, vocabulary != "regions" else { return false }
                return true
            }
        }

        /// The field `--region` fills: one on the `regions` list.
        var regionField: FieldSpec? {
            collection.fields.first { $0.type == .term(vocabulary: "regions") || $0.type == .terms(vocabulary: "regions") }
        }
    }

    /// A file ready to be written.
    public struct Draft: Sendable {
        /// Path under the content folder (`<folder>/<group>/<slug>.md`).
        public let relativePath: String
        public let text: String
        /// Set when the title's name was taken and a number was added.
        public let renamedFrom: String?
    }

    /// A French explanation of why nothing was written.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public let message: String
        public let hint: String?
        public var description: String { message + (hint.map { "\n  conseil : " + $0 } ?? "") }
    }

    /// Prepares the file; nothing is written.
    public static func draft(_ request: Request, config: SiteConfig, contentRoot: String) throws(Refusal) -> Draft {
        let title = request.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw Refusal(message: "le titre est vide", hint: "écrivez le titre entre guillemets : castor new \(request.collection.id) \"Mon titre\"") }
        let collection = request.collection
        let usage = "castor new \(Slug.make(collection.singular))"
        if let region = request.region {
            guard request.regionField != nil else {
                throw Refusal(message: "--region : « \(collection.label) » n'a pas de champ de région", hint: "retirez --region")
            }
            try checkTerm(region, vocabulary: "regions", option: "--region", config: config)
        }
        var folder = collection.folder
        if case .grouped(let vocabulary) = collection.layout {
            guard let group = request.group else {
                throw Refusal(
                    message: "indiquez le type de \(collection.singular.lowercased()) avant le titre",
                    hint: "\(usage) <type> \"Titre\", le type parmi : \(choices(vocabulary, config: config))")
            }
            try checkTerm(group, vocabulary: vocabulary, option: "le type de \(collection.singular.lowercased())", config: config)
            folder += "/" + group
        }
        if let field = request.dateField {
            guard let start = request.date else {
                throw Refusal(message: "--date est obligatoire : « \(field.key) » (\(field.label.lowercased()))",
                    hint: "\(usage) \"Titre\" --date 2027-05-12 (ou 2027-05-12T09:30)")
            }
            guard LocalDate(iso: start) != nil || LocalDateTime(iso: start) != nil else {
                throw Refusal(
                    message: "date invalide : « \(start) »",
                    hint: "écrivez --date 2027-05-12 pour une journée, ou --date 2027-05-12T09:30 pour une heure (heure de Paris)")
            }
        } else if request.date != nil {
            throw Refusal(message: "--date ne sert pas pour « \(collection.label) »", hint: "retirez --date")
        }
        if let field = request.categoryField, case .term(let vocabulary) = field.type {
            guard let category = request.category ?? field.defaultValue else {
                throw Refusal(message: "--categorie est obligatoire : « \(field.key) » (\(field.label.lowercased()))",
                    hint: "\(usage) \"Titre\" --categorie <valeur>, parmi : \(choices(vocabulary, config: config))")
            }
            try checkTerm(category, vocabulary: vocabulary, option: "--categorie", config: config)
        } else if request.category != nil {
            throw Refusal(message: "--categorie ne sert pas pour « \(collection.label) »", hint: "retirez --categorie")
        }
        if let contact = request.contact, ContactKind(contact) == nil {
            throw Refusal(message: "contact invalide : « \(contact) »", hint: "une adresse e-mail, un numéro de téléphone ou une adresse web")
        }

        // The file name: given, or made from the title, and then free.
        let slug: String
        var renamedFrom: String?
        let reserved = Validator.reservedSlugs
        if let given = request.slug {
            guard Slug.make(given) == given, !given.isEmpty else {
                throw Refusal(message: "nom de fichier « \(given) » invalide", hint: "minuscules sans accent, chiffres et tirets, par exemple « \(Slug.make(given)) »")
            }
            guard !reserved.contains(given) else { throw Refusal(message: "le nom « \(given) » est réservé par Castor", hint: "choisissez un autre nom") }
            if let existing = existingFile(folder: folder, slug: given, contentRoot: contentRoot) {
                throw Refusal(
                    message: "le fichier « \(existing) » existe déjà : castor new ne remplace jamais un fichier",
                    hint: "ouvrez-le pour le modifier, ou choisissez un autre nom avec --nom")
            }
            slug = given
        } else {
            let base = Slug.fromTitle(title)
            guard !base.isEmpty else {
                throw Refusal(message: "impossible de faire un nom de fichier avec ce titre", hint: "le titre doit contenir des lettres ou des chiffres ; ou indiquez --nom mon-nom")
            }
            var candidate = base
            var number = 1
            while reserved.contains(candidate) || existingFile(folder: folder, slug: candidate, contentRoot: contentRoot) != nil {
                number += 1
                candidate = "\(base)-\(number)"
            }
            if candidate != base { renamedFrom = base }
            slug = candidate
        }

        var lines = ["---"]
        for field in collection.fields {
            lines += frontMatterLines(field, request: request, title: title, config: config)
        }
        lines.append("draft: true  # brouillon, non publié : supprimez cette ligne quand le texte est prêt")
        lines.append("---")
        let text = lines.joined(separator: "\n") + "\n\n" + body(for: collection)
        return Draft(relativePath: folder + "/" + slug + ".md", text: text, renamedFrom: renamedFrom)
    }

    /// Writes the draft; refuses if the file appeared meanwhile (never replaces anything).
    public static func write(_ draft: Draft, contentRoot: String) throws(Refusal) {
        let path = contentRoot + "/" + draft.relativePath
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileIO.makeDirectories(folder)
        } catch {
            throw Refusal(message: "impossible de créer le dossier « \(folder) » : \(error.reason)", hint: nil)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw Refusal(message: "le fichier « \(path) » existe déjà : castor new ne remplace jamais un fichier", hint: "choisissez un autre nom avec --nom")
            }
            throw Refusal(message: "impossible d'écrire « \(path) » : \(String(cString: strerror(errno)))", hint: nil)
        }
        close(fd)
        do {
            try FileIO.write(draft.text, to: path)
        } catch {
            throw Refusal(message: "impossible d'écrire « \(path) » : \(error.reason)", hint: nil)
        }
    }

    // MARK: - Parts

    static func checkTerm(_ slug: String, vocabulary: String, option: String, config: SiteConfig) throws(Refusal) {
        let values = config.vocabulary(vocabulary)
        guard values[slug] == nil else { return }
        var hint = "valeurs possibles : " + values.keys.joined(separator: ", ")
        if let near = Validator.nearest(Slug.make(slug), in: Array(values.keys)) { hint = "vouliez-vous écrire « \(near) » ? " + hint }
        throw Refusal(message: "\(option) : « \(slug) » n'est pas dans la liste « \(vocabulary) » de site.yml", hint: hint)
    }

    /// `<slug>.md` or the folder `<slug>/` when either exists.
    static func existingFile(folder: String, slug: String, contentRoot: String) -> String? {
        for candidate in [folder + "/" + slug + ".md", folder + "/" + slug] where FileIO.exists(contentRoot + "/" + candidate) {
            return candidate
        }
        return nil
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func choices(_ vocabulary: String, config: SiteConfig, limit: Int = 8) -> String {
        let keys = Array(config.vocabulary(vocabulary).keys)
        return keys.prefix(limit).joined(separator: ", ") + (keys.count > limit ? "…" : "")
    }

    /// The lines of one field: filled when known or required, commented out otherwise. A
    /// declared `example` is shown where the volunteer has something to write.
    static func frontMatterLines(_ field: FieldSpec, request: Request, title: String, config: SiteConfig) -> [String] {
        let required = field.required ? "  # obligatoire" : ""
        let key = field.key
        let label = field.label.lowercased()
        let example = field.example
        if key == "title" { return ["title: \(quoted(title))\(required)"] }
        if key == "draft" { return [] }
        if field.key == request.dateField?.key, let start = request.date {
            return ["\(key): \(start)\(required) : date (2027-05-12) ou date et heure (2027-05-12T09:30)"]
        }
        if field.key == request.categoryField?.key, let category = request.category ?? field.defaultValue, case .term(let vocabulary) = field.type {
            return ["\(key): \(category)\(required), parmi : \(choices(vocabulary, config: config))"]
        }
        if field.key == request.regionField?.key, let region = request.region {
            if case .terms = field.type { return ["\(key): [\(region)]  # parmi : \(choices("regions", config: config))"] }
            return ["\(key): \(region)"]
        }
        switch field.type {
        case .contact:
            if let contact = request.contact { return ["\(key): \(quoted(contact))\(required)"] }
            guard field.required else { return ["# \(key): \(quoted(example ?? "…"))  # facultatif (\(label)), public"] }
            return ["\(key): \(quoted(placeholderContact))\(required) : \(placeholder.lowercased()), e-mail, téléphone ou adresse web (public)"]
        case .date where field.required:
            return ["\(key): \(request.today.iso)\(required)"]
        case .text where field.required:
            let what = field.help ?? label
            return ["\(key): \(quoted("\(placeholder) : \(what)."))\(required)" + (example.map { " ; par exemple : « \($0) »" } ?? "")]
        case .term(let vocabulary) where field.required:
            return ["\(key): \(example ?? config.vocabulary(vocabulary).keys.first ?? "")  # obligatoire, à choisir parmi : \(choices(vocabulary, config: config))"]
        case .term(let vocabulary):
            return ["# \(key): \(example ?? config.vocabulary(vocabulary).keys.first ?? "")  # facultatif, parmi : \(choices(vocabulary, config: config))"]
        case .terms(let vocabulary) where field.required:
            return ["\(key): [\(example ?? config.vocabulary(vocabulary).keys.first ?? "")]  # obligatoire, à choisir parmi : \(choices(vocabulary, config: config))"]
        case .terms(let vocabulary):
            return ["\(key): []  # facultatif, parmi : \(choices(vocabulary, config: config))"]
        case .textList: return ["\(key): []  # facultatif, par exemple [\(example.map(quoted) ?? "\"Prénom Nom\", \"Association\"")]"]
        case .attachments: return ["# \(key): le contenu doit alors être un dossier, voir le guide (pièces jointes)"]
        case .date: return ["# \(key): \(example ?? request.today.adding(days: 90).iso)  # facultatif (\(label))"]
        case .dateOrDateTime: return ["# \(key): \(example ?? "2027-05-12T17:00")  # facultatif (\(label))"]
        case .url: return ["# \(key): \(example ?? "https://exemple.org/")  # facultatif (\(label))"]
        case .price: return ["# \(key): \(example ?? "120000")  # facultatif, en euros, sans espace ni €"]
        case .choice(let values):
            return ["# \(key): \(example ?? values.first?.value ?? "")  # facultatif, parmi : " + values.map(\.value).joined(separator: ", ")]
        case .text: return ["# \(key): \(quoted(example ?? "…"))  # facultatif (\(label))"]
        case .bool: return ["# \(key): true  # facultatif (\(label))"]
        case .number, .reference, .references: return extendedLines(field)
        }
    }

    /// The body to start from: the declared `starter`, else a plain one.
    static func body(for collection: CollectionSchema) -> String {
        if let starter = collection.publishing.starter {
            // « À compléter » in the declared text is the one `castor check` looks for.
            return starter.hasSuffix("\n") ? starter : starter + "\n"
        }
        return """
            \(placeholder) : le texte de la page (\(collection.singular.lowercased())).

            """
    }
}
