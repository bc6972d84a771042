import Foundation

/// Step 2 of the pipeline: checks each document against its collection's declaration and
/// the vocabularies of `site.yml`, and turns it into an `Entry`.
public struct Validator: Sendable {
    public let config: SiteConfig
    /// Absolute or working-directory-relative path of the content folder.
    public let contentRoot: String

    /// Names a file published at the site's root may not take: Castor's own pages and the
    /// folders and addresses of the collections.
    let reservedRootSlugs: Set<String>
    /// Which région each département is in, for the rules `within` (`FranceDepartements`).
    let departements: FranceDepartements?
    /// The declarations, each held once for all its entries (`Entry.collection`).
    let shared: [String: SharedSchema]

    public init(
        config: SiteConfig, contentRoot: String, collections: [CollectionSchema] = [], departements: FranceDepartements? = nil
    ) {
        self.config = config
        self.contentRoot = contentRoot
        self.departements = departements
        var reserved = CollectionDeclarations.castorNames
        for collection in collections {
            reserved.insert(collection.id)
            reserved.insert(collection.folder)
            if let first = collection.publishedPrefix.split(separator: "/").first { reserved.insert(String(first)) }
        }
        self.reservedRootSlugs = reserved
        shared = Dictionary(collections.map { ($0.id, SharedSchema($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Slugs that would collide with pages Castor makes itself.
    static let reservedSlugs: Set<String> = ["page", "archives", "categories", "rss", "atom"]

    public func validate(_ document: SourceDocument) -> (Entry?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = document.warnings
        let file = document.displayPath
        let schema = document.collection
        let top = SourcePosition(line: 1, column: 1)

        if Slug.make(document.slug) != document.slug {
            diagnostics.append(
                .error(file, .unknown, "nom de fichier « \(document.slug) » invalide pour une adresse web",
                    hint: "renommez-le « \(Slug.make(document.slug)) » (minuscules sans accent, chiffres et tirets)"))
        }
        if ContactScanner.containsContact(document.slug) {
            diagnostics.append(
                .error(file, .unknown, "le nom de fichier « \(document.slug) » contient un numéro de téléphone, qui serait publié dans l'adresse de la page",
                    hint: "renommez le fichier sans le numéro ; écrivez-le dans le texte, où Castor le masque"))
        }
        let reserved = schema.publishedPrefix.isEmpty ? reservedRootSlugs : Validator.reservedSlugs
        if reserved.contains(document.slug) || schema.reservedSlugs.contains(document.slug) {
            diagnostics.append(
                .error(file, .unknown, "le nom « \(document.slug) » est réservé par Castor", hint: "choisissez un autre nom de fichier"))
        }
        if case .grouped(let vocabulary) = schema.layout, let group = document.group,
            config.vocabulary(vocabulary)[group] == nil
        {
            diagnostics.append(
                .error(file, .unknown, "dossier « \(group) » inconnu : ce n'est pas une valeur de « \(vocabulary) »",
                    hint: "valeurs possibles : " + config.vocabulary(vocabulary).keys.joined(separator: ", ")))
        }

        var entries: [YAMLTree.Entry] = []
        switch document.frontMatter {
        case nil: break
        case .map(let items, _)?: entries = items
        case let other?:
            diagnostics.append(.error(file, other.position, "l'en-tête doit être une liste de champs « nom: valeur »"))
        }

        var fields: [String: FieldValue] = [:]
        var positions: [String: SourcePosition] = [:]
        // Fields already named by an error on a misspelt key are not reported missing as well.
        var misspelt: Set<String> = []
        for item in entries {
            guard let spec = schema.field(item.key) else {
                let intended = schema.intendedField(for: item.key)
                if let intended { misspelt.insert(intended.spec.key) }
                diagnostics.append(unknownField(item, intended: intended, schema: schema, file: file))
                continue
            }
            // The web editor writes a cleared field as `""` or `[]`: it is absent.
            if item.value.isEmpty {
                if spec.required { positions[spec.key] = item.value.isNull ? item.keyPosition : item.value.position }
                continue
            }
            positions[spec.key] = item.value.position
            switch convert(item.value, spec: spec, document: document) {
            case .success(let value): fields[spec.key] = value
            case .failure(let list): diagnostics.append(contentsOf: list.items)
            }
        }
        for spec in schema.fields where spec.required && fields[spec.key] == nil && positions[spec.key] == nil && !misspelt.contains(spec.key) {
            diagnostics.append(
                .error(file, top, "champ obligatoire manquant : « \(spec.key) » (\(spec.label.lowercased()))",
                    hint: "ajoutez dans l'en-tête une ligne « \(spec.key): … » avec \(spec.type.frenchDescription)"))
        }
        for spec in schema.fields where spec.required && fields[spec.key] == nil && positions[spec.key] != nil {
            if !diagnostics.contains(where: { $0.line == positions[spec.key]!.line && $0.severity == .error }) {
                diagnostics.append(
                    .error(file, positions[spec.key]!, "champ obligatoire vide : « \(spec.key) »",
                        hint: "indiquez \(spec.type.frenchDescription)"))
            }
        }
        for rule in schema.rules {
            switch rule {
            case .notBefore(let later, let earlier):
                guard let laterValue = fields[later], let earlierValue = fields[earlier] else { continue }
                if Validator.isBefore(laterValue, earlierValue) {
                    diagnostics.append(
                        .error(file, positions[later] ?? top,
                            "« \(later) » (\(Validator.show(laterValue))) est avant « \(earlier) » (\(Validator.show(earlierValue)))",
                            hint: "« \(later) » doit être le même jour que « \(earlier) » ou plus tard"))
                }
            case .within(let field, let container, _):
                diagnostics += withinProblems(
                    field: field, container: container, fields: fields, positions: positions, schema: schema, file: file)
            }
        }

        diagnostics += PublicationRules.unreachableContact(fields: fields, positions: positions, file: file)
        diagnostics += MapCoordinates.problems(fields: fields, positions: positions, schema: schema, file: file)
        diagnostics += DigestSkip.problems(fields: fields, positions: positions, schema: schema, file: file)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let url: String
        if let group = document.group, case .grouped = schema.layout {
            url = "\(schema.publishedPrefix)\(group)/\(document.slug)/"
        } else {
            url = "\(schema.publishedPrefix)\(document.slug)/"
        }
        let declaration = shared[schema.id].flatMap { $0.value == schema ? $0 : nil } ?? SharedSchema(schema)
        let entry = Entry(
            shared: declaration, relativePath: document.relativePath, displayPath: file, group: document.group,
            slug: document.slug, isBundle: document.isBundle, fields: fields, positions: positions,
            body: document.body, bodyFirstLine: document.bodyFirstLine, url: url)
        return (entry, diagnostics)
    }

    /// A key the collection does not declare: an error when it is a French name or a near miss
    /// of a declared field (its value would silently be lost), a warning otherwise.
    func unknownField(
        _ item: YAMLTree.Entry, intended: CollectionSchema.IntendedField?, schema: CollectionSchema, file: String
    ) -> Diagnostic {
        let known = "champs reconnus : " + schema.fields.map(\.key).joined(separator: ", ")
        guard let intended else {
            return .warning(file, item.keyPosition, "champ inconnu « \(item.key) » : il est ignoré", hint: known)
        }
        let key = intended.spec.key
        let replace = "remplacez « \(item.key): » par « \(key): »"
        return .error(
            file, item.keyPosition, "champ « \(item.key) » inconnu : vouliez-vous écrire « \(key) » ?",
            hint: (intended.isAlias ? "les noms de champs s'écrivent en anglais : " : "corrigez le nom du champ : ") + replace
                + " (\(known))")
    }

    /// The field's value, or every problem found in it (each bad value of a list).
    func convert(_ value: YAMLTree, spec: FieldSpec, document: SourceDocument) -> Result<FieldValue, DiagnosticList> {
        let file = document.displayPath
        let position = value.position
        func fail(_ message: String, hint: String? = nil) -> Result<FieldValue, DiagnosticList> {
            .failure(DiagnosticList([.error(file, position, message, hint: hint ?? "« \(spec.key) » attend \(spec.type.frenchDescription)")]))
        }
        switch spec.type {
        case .text:
            guard let text = value.text else { return fail("« \(spec.key) » doit être un texte, pas une liste") }
            let trimmed = Validator.trimmed(text)
            if trimmed.isEmpty { return fail("« \(spec.key) » est vide") }
            return .success(.text(trimmed))
        case .date:
            guard let text = value.text else { return fail("« \(spec.key) » doit être une date") }
            if let date = LocalDate(iso: text) { return .success(.date(date)) }
            return fail(Validator.dateProblem(text, key: spec.key), hint: "écrivez la date ainsi : 2027-05-12 (année-mois-jour)")
        case .dateOrDateTime:
            guard let text = value.text else { return fail("« \(spec.key) » doit être une date") }
            if let date = LocalDate(iso: text) { return .success(.date(date)) }
            if let dateTime = LocalDateTime(iso: text) { return .success(.dateTime(dateTime)) }
            return fail(
                Validator.dateProblem(text, key: spec.key, allowsTime: true),
                hint: "écrivez 2027-05-12 pour une journée entière, ou 2027-05-12T09:30 pour une heure (heure de Paris)")
        case .bool:
            guard let flag = value.bool else { return fail("« \(spec.key) » doit valoir true ou false") }
            return .success(.bool(flag))
        case .url:
            guard let text = value.text?.trimmingCharacters(in: .whitespaces), SiteConfig.isWebAddress(text) else {
                return fail("adresse web invalide dans « \(spec.key) » : « \(value.text ?? "") »")
            }
            // Web addresses are published as they are: one holding a contact would leak it.
            if ContactScanner.containsContact(URLPaths.percentDecoded(text)) {
                return fail(
                    "l'adresse web de « \(spec.key) » contient une adresse e-mail ou un numéro de téléphone, qui serait publié en clair",
                    hint: "retirez-le de l'adresse ; écrivez le contact dans le texte, où Castor le masque")
            }
            return .success(.text(text))
        case .contact:
            guard let text = value.text?.trimmingCharacters(in: .whitespaces), ContactKind(text) != nil else {
                return fail("contact invalide : « \(value.text ?? "") »")
            }
            return .success(.text(text))
        case .price:
            guard case .scalar(let text, let kind, _) = value, kind == .int || kind == .float,
                let number = Double(text.replacingOccurrences(of: "_", with: "")), number.isFinite
            else {
                return fail("prix invalide : « \(value.text ?? "") »", hint: "écrivez un nombre sans « € » ni espace, par exemple 120000 ou 450.50")
            }
            if number < 0 { return fail("le prix ne peut pas être négatif : \(text)", hint: "écrivez un nombre positif, ou retirez le champ « price »") }
            return .success(.number(number))
        case .term(let vocabulary):
            guard let text = value.text else { return fail("« \(spec.key) » doit être une seule valeur") }
            if let problem = termProblem(text, vocabulary: vocabulary) { return fail(problem.0, hint: problem.1) }
            return .success(.text(text))
        case .terms(let vocabulary):
            let items: [YAMLTree]
            switch value {
            case .list(let list, _): items = list
            case .scalar: items = [value]  // `themes: juridique` is read as a list of one
            case .map: return fail("« \(spec.key) » doit être une liste")
            }
            var slugs: [String] = []
            var problems: [Diagnostic] = []
            for item in items where !item.isEmpty {
                guard let text = item.text else {
                    problems.append(
                        .error(file, item.position, "« \(spec.key) » doit être une liste de valeurs simples",
                            hint: "« \(spec.key) » attend \(spec.type.frenchDescription)"))
                    continue
                }
                if let problem = termProblem(text, vocabulary: vocabulary) {
                    problems.append(.error(file, item.position, problem.0, hint: problem.1))
                } else if !slugs.contains(text) {
                    slugs.append(text)
                }
            }
            return problems.isEmpty ? .success(.list(slugs)) : .failure(DiagnosticList(problems))
        case .textList:
            switch value {
            case .scalar(let text, _, _): return .success(.list([text]))
            case .list(let items, _):
                var texts: [String] = []
                var problems: [Diagnostic] = []
                for item in items where !item.isEmpty {
                    guard let text = item.text else {
                        problems.append(
                            .error(file, item.position, "« \(spec.key) » doit être une liste de textes",
                                hint: "« \(spec.key) » attend \(spec.type.frenchDescription)"))
                        continue
                    }
                    texts.append(text)
                }
                return problems.isEmpty ? .success(.list(texts)) : .failure(DiagnosticList(problems))
            case .map: return fail("« \(spec.key) » doit être une liste de textes")
            }
        case .choice(let choices):
            guard let text = value.text, choices.contains(where: { $0.value == text }) else {
                return fail(
                    "valeur inconnue pour « \(spec.key) » : « \(value.text ?? "") »",
                    hint: "valeurs possibles : " + choices.map { "\($0.value) (\($0.label.lowercased()))" }.joined(separator: ", "))
            }
            return .success(.text(text))
        case .attachments:
            return attachments(value, spec: spec, document: document)
        case .number(let rule):
            return number(value, spec: spec, rule: rule, file: file)
        case .reference, .references:
            return references(value, spec: spec, file: file)
        }
    }

    func termProblem(_ slug: String, vocabulary: String) -> (String, String)? {
        let values = config.vocabulary(vocabulary)
        if values[slug] != nil { return nil }
        var hint = "valeurs possibles (liste « \(vocabulary) » de site.yml) : " + values.keys.joined(separator: ", ")
        if let near = Validator.nearest(Slug.make(slug), in: Array(values.keys)) {
            hint = "vouliez-vous écrire « \(near) » ? " + hint
        }
        return ("valeur « \(slug) » absente de la liste « \(vocabulary) »", hint)
    }

    func attachments(_ value: YAMLTree, spec: FieldSpec, document: SourceDocument) -> Result<FieldValue, DiagnosticList> {
        let file = document.displayPath
        guard case .list(let items, _) = value else {
            return .failure(DiagnosticList([
                .error(file, value.position, "« \(spec.key) » doit être une liste",
                    hint: "par exemple :\nattachments:\n  - file: charte.odt\n    title: Trame de charte")
            ]))
        }
        if !document.isBundle && !items.isEmpty {
            return .failure(DiagnosticList([
                .error(file, value.position, "un contenu avec des pièces jointes doit être un dossier",
                    hint: "déplacez « \(document.slug).md » en « \(document.slug)/index.md » et mettez les fichiers à côté")
            ]))
        }
        let folder = (document.relativePath as NSString).deletingLastPathComponent
        var result: [Attachment] = []
        var problems: [Diagnostic] = []
        for item in items where !item.isEmpty {
            guard let fileName = item["file"]?.text, !fileName.isEmpty else {
                problems.append(.error(file, item.position, "pièce jointe sans « file »", hint: "indiquez le nom du fichier : « file: charte.odt »"))
                continue
            }
            let title = item["title"].flatMap { $0.isEmpty ? nil : $0.text } ?? fileName
            let position = item["file"]?.position ?? item.position
            let normalized = (folder + "/" + fileName as NSString).standardizingPath
            if fileName.hasPrefix("/") || fileName.contains("..") || !normalized.hasPrefix(folder + "/") {
                problems.append(
                    .error(file, position, "la pièce jointe « \(fileName) » sort du dossier du contenu",
                        hint: "placez le fichier dans le dossier « \(folder) » et indiquez seulement son nom"))
                continue
            }
            if let link = FileTree.firstLink(under: contentRoot, normalized) {
                problems.append(
                    .error(file, position,
                        link.leavesRoot
                            ? "la pièce jointe « \(fileName) » est un lien symbolique qui mène hors du dossier de contenu"
                            : "la pièce jointe « \(fileName) » est un lien symbolique : Castor ne publie pas les liens symboliques",
                        hint: "mettez une copie du vrai fichier dans « \(folder) » à la place du lien"))
                continue
            }
            guard let size = FileIO.fileSize(contentRoot + "/" + normalized), !FileIO.isDirectory(contentRoot + "/" + normalized) else {
                problems.append(
                    .error(file, position, "pièce jointe introuvable : « \(fileName) »",
                        hint: "vérifiez le nom (majuscules, accents, extension) du fichier dans « \(folder) »"))
                continue
            }
            result.append(Attachment(file: String(normalized.dropFirst(folder.count + 1)), title: title, size: size))
        }
        return problems.isEmpty ? .success(.attachments(result)) : .failure(DiagnosticList(problems))
    }

    static func dateProblem(_ text: String, key: String, allowsTime: Bool = false) -> String {
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if allowsTime, text.count >= 16, LocalDate(iso: text.prefix(10)) != nil, digits.count >= 5 {
            return "heure impossible dans « \(key) » : « \(text) » (de 00:00 à 23:59)"
        }
        if digits.count >= 3, digits[0] >= 1000, text.count >= 10 {
            return "date impossible dans « \(key) » : « \(text) » n'existe pas au calendrier"
        }
        return "date illisible dans « \(key) » : « \(text) »"
    }

    static func isBefore(_ a: FieldValue, _ b: FieldValue) -> Bool {
        switch (a, b) {
        case (.dateTime(let x), .dateTime(let y)): return x < y
        default:
            guard let x = a.day, let y = b.day else { return false }
            return x < y
        }
    }

    static func show(_ value: FieldValue) -> String {
        switch value {
        case .date(let date): return date.iso
        case .dateTime(let dateTime): return dateTime.iso
        default: return "\(value)"
        }
    }

    /// The closest word within `within` edits (two by default; the first of equals), for
    /// « vouliez-vous écrire … ? ».
    public static func nearest(_ word: String, in candidates: [String], within: Int = 2) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(Array(word), Array(candidate))
            if distance <= within, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Validator {
    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's work when
    /// neither end has anything to trim (nearly every value): same result.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        let blanks = CharacterSet.whitespacesAndNewlines
        if !blanks.contains(first) && !blanks.contains(last) { return text }
        return text.trimmingCharacters(in: blanks)
    }
}
