import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `castor new`: a new fiche, event or ad, at the right place, with its front matter filled
/// from the collection's declaration (required fields filled or marked « À compléter ») and
/// a short French body to start from. New items are drafts until the volunteer publishes them.
public enum Scaffold {
    /// What is written in place of a required text the volunteer still has to give;
    /// `castor check` warns when it is left in a published item.
    public static let placeholder = "À compléter"
    /// A contact address that reaches no one (`.invalid` is reserved): accepted in a draft, an
    /// error outside drafts (`PublicationRules`).
    public static let placeholderContact = "a-completer@exemple.invalid"

    public enum Kind: Sendable, Equatable {
        /// A fiche of a type of `fiche_types`.
        case fiche(type: String)
        /// An event starting on `start` (`AAAA-MM-JJ` or `AAAA-MM-JJTHH:MM`).
        case event(start: String)
        /// An ad of a category of `ad_categories`.
        case ad(category: String)
    }

    public struct Request: Sendable {
        public var kind: Kind
        public var title: String
        /// The file name without `.md`; made from the title when nil.
        public var slug: String?
        public var region: String?
        public var contact: String?
        public var today: LocalDate

        public init(kind: Kind, title: String, slug: String? = nil, region: String? = nil, contact: String? = nil, today: LocalDate) {
            self.kind = kind
            self.title = title
            self.slug = slug
            self.region = region
            self.contact = contact
            self.today = today
        }
    }

    /// A file ready to be written.
    public struct Draft: Sendable {
        /// Path under the content folder (`fiches/boite-a-outils/metaplan.md`).
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
        guard !title.isEmpty else { throw Refusal(message: "le titre est vide", hint: "écrivez le titre entre guillemets : castor new fiche boite-a-outils \"Mon titre\"") }
        if let region = request.region { try checkTerm(region, vocabulary: "regions", option: "--region", config: config) }
        let collection: CollectionSchema
        let folder: String
        switch request.kind {
        case .fiche(let type):
            try checkTerm(type, vocabulary: "fiche_types", option: "le type de fiche", config: config)
            collection = BuiltinCollections.fiches
            folder = "fiches/" + type
        case .event(let start):
            guard LocalDate(iso: start) != nil || LocalDateTime(iso: start) != nil else {
                throw Refusal(
                    message: "date invalide : « \(start) »",
                    hint: "écrivez --date 2027-05-12 pour une journée, ou --date 2027-05-12T09:30 pour une heure (heure de Paris)")
            }
            collection = BuiltinCollections.events
            folder = collection.id
        case .ad(let category):
            try checkTerm(category, vocabulary: "ad_categories", option: "--categorie", config: config)
            collection = BuiltinCollections.ads
            folder = collection.id
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
        let text = lines.joined(separator: "\n") + "\n\n" + body(for: request.kind)
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

    /// The lines of one field: filled when known or required, commented out otherwise.
    static func frontMatterLines(_ field: FieldSpec, request: Request, title: String, config: SiteConfig) -> [String] {
        let required = field.required ? "  # obligatoire" : ""
        switch (field.key, field.type) {
        case ("title", _): return ["title: \(quoted(title))\(required)"]
        case ("draft", _): return []
        case ("start", _):
            if case .event(let start) = request.kind { return ["start: \(start)\(required) : date (2027-05-12) ou date et heure (2027-05-12T09:30)"] }
            return []
        case ("category", _):
            if case .ad(let category) = request.kind { return ["category: \(category)\(required), parmi : \(choices("ad_categories", config: config))"] }
            return []
        case ("contact", _):
            if let contact = request.contact { return ["contact: \(quoted(contact))\(required)"] }
            return ["contact: \(quoted(placeholderContact))\(required) : \(placeholder.lowercased()), e-mail, téléphone ou adresse web (public)"]
        case (_, .date) where field.required:
            return ["\(field.key): \(request.today.iso)\(required)"]
        case (_, .text) where field.required:
            return ["\(field.key): \(quoted("\(placeholder) : une ou deux phrases, affichées dans les listes."))\(required)"]
        case (_, .term(let vocabulary)):
            if field.key == "region", let region = request.region { return ["region: \(region)"] }
            return ["# \(field.key): \(config.vocabulary(vocabulary).keys.first ?? "")  # facultatif, parmi : \(choices(vocabulary, config: config))"]
        case (_, .terms(let vocabulary)):
            if field.key == "regions", let region = request.region { return ["regions: [\(region)]  # parmi : \(choices(vocabulary, config: config))"] }
            return ["\(field.key): []  # facultatif, parmi : \(choices(vocabulary, config: config))"]
        case (_, .textList): return ["\(field.key): []  # facultatif, par exemple [\"Prénom Nom\", \"Association\"]"]
        case (_, .attachments): return ["# \(field.key): la fiche doit alors être un dossier, voir le guide (pièces jointes)"]
        case (_, .date): return ["# \(field.key): \(request.today.adding(days: 90).iso)  # facultatif (\(field.label.lowercased()))"]
        case (_, .dateOrDateTime): return ["# \(field.key): 2027-05-12T17:00  # facultatif (\(field.label.lowercased()))"]
        case (_, .url): return ["# \(field.key): https://exemple.org/  # facultatif (\(field.label.lowercased()))"]
        case (_, .price): return ["# \(field.key): 120000  # facultatif, en euros, sans espace ni €"]
        case (_, .choice(let values)):
            return ["# \(field.key): \(values.first?.value ?? "")  # facultatif, parmi : " + values.map(\.value).joined(separator: ", ")]
        case (_, .text): return ["# \(field.key): \"…\"  # facultatif (\(field.label.lowercased()))"]
        default: return []
        }
    }

    static func body(for kind: Kind) -> String {
        switch kind {
        case .fiche:
            return """
                \(placeholder) : présentez le sujet en quelques phrases, pour qui et pour quoi.

                ## L'essentiel

                - Premier point à retenir.
                - Deuxième point.

                ## En pratique

                Les étapes, les chiffres utiles, les pièges à éviter.

                ## Pour aller plus loin

                Des liens vers les fiches voisines (voir le guide, partie 8) et des références précises.

                """
        case .event:
            return """
                \(placeholder) : présentez l'événement, le public visé et ce qu'on y fera.

                ## Programme

                - 9 h 30 : accueil.

                ## Informations pratiques

                Accès, tarif, inscription.

                """
        case .ad:
            return """
                \(placeholder) : décrivez l'annonce (ce qui est proposé ou recherché, où, quand, à quelles conditions).

                Rappel : le contact sera public ; une adresse dédiée au projet est préférable.

                """
        }
    }
}
