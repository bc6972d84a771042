import Foundation

/// `content/collections.yml`: the kinds of content of the site, as data a maintainer edits.
///
/// Read with positions (`YAMLReader`) and checked as a whole: every problem is reported at
/// once, in French, with its line and column. The format is described in docs/contenu.md
/// (for maintainers) and docs/SPEC-internal.md.
public enum CollectionDeclarations {
    /// The file, beside site.yml.
    public static let fileName = "collections.yml"

    /// Addresses and folders Castor uses for its own pages and files: no collection may take them.
    public static let castorNames: Set<String> = ["themes", "regions", "assets", "recherche", "404", "page", "admin"]

    static let collectionKeys = ["folder", "prefix", "label", "singular", "groups", "template", "listing", "reserved", "fields", "rules"] + CollectionPublishing.keys

    /// Reads the declarations. `vocabularies` are the lists of site.yml (nil when site.yml could
    /// not be read: the vocabularies are then not checked). Collections come back only when
    /// there is no error.
    public static func load(yaml text: String, file: String, vocabularies: Set<String>?) -> ([CollectionSchema]?, [Diagnostic]) {
        let result = read(yaml: text, file: file, vocabularies: vocabularies)
        return (result.collections, result.diagnostics)
    }

    /// `load`, with the position of each collection's declaration (for later messages).
    static func read(yaml text: String, file: String, vocabularies: Set<String>?)
        -> (collections: [CollectionSchema]?, diagnostics: [Diagnostic], positions: [String: SourcePosition], siteListings: [SiteListingPage])
    {
        let tree: YAMLTree?
        do {
            tree = try YAMLReader.read(text, lineOffset: 0)
        } catch {
            let message = error.message.replacingOccurrences(of: "en-tête YAML", with: "YAML").replacingOccurrences(of: "dans l'en-tête", with: "dans le fichier")
            return (nil, [.error(file, error.position, message, hint: error.hint)], [:], [])
        }
        var reader = Reader(file: file, vocabularies: vocabularies)
        let collections = reader.read(tree)
        let diagnostics = reader.diagnostics
        var positions: [String: SourcePosition] = [:]
        if case .map(let top, _)? = tree, case .map(let declared, _)? = top.first(where: { $0.key == "collections" })?.value {
            for entry in declared { positions[entry.key] = entry.keyPosition }
        }
        return (diagnostics.contains { $0.severity == .error } ? nil : collections, diagnostics, positions, reader.siteListings)
    }

    /// The error for a content folder without collections.yml.
    public static func missingFile(_ file: String) -> Diagnostic {
        .error(file, .unknown, "fichier des collections manquant : Castor ne sait pas quelles sortes de contenu lire",
            hint: "créez \(fileName) à côté de site.yml (copiez celui du dépôt de Castor, content/\(fileName)) ; il déclare les sortes de contenu du site")
    }

    /// The collection a command-line name stands for: its id, its folder, or its singular
    /// label without case or accents (`evenement` for « Événement »).
    public static func find(_ name: String, in collections: [CollectionSchema]) -> CollectionSchema? {
        let wanted = CollectionSchema.fold(name)
        return collections.first { $0.id == name } ?? collections.first { $0.folder == name }
            ?? collections.first { CollectionSchema.fold($0.singular) == wanted || CollectionSchema.fold($0.id) == wanted }
    }

    /// The near-miss suggestion of a key, or nothing.
    static func suggestion(_ key: String, among known: [String]) -> String {
        guard let near = Validator.nearest(CollectionSchema.fold(key).replacingOccurrences(of: "-", with: "_"), in: known) else { return "" }
        return " : vouliez-vous écrire « \(near) » ?"
    }

    /// Walks the tree, collecting problems.
    struct Reader {
        let file: String
        let vocabularies: Set<String>?
        var diagnostics: [Diagnostic] = []
        /// The `collection:` of reference fields, checked once every collection is read.
        var referenceTargets: [ReferenceTarget] = []
        /// The top-level `site_listings:` (`SiteListingPage`), and where collections name one.
        var siteListings: [SiteListingPage] = []
        var siteListingUses: [(vocabulary: String, position: SourcePosition, collection: String)] = []

        mutating func error(_ position: SourcePosition, _ message: String, hint: String? = nil) {
            diagnostics.append(.error(file, position, message, hint: hint))
        }

        /// Reports keys of `entries` not in `known`.
        mutating func unknownKeys(_ entries: [YAMLTree.Entry], known: [String], context: String) {
            for entry in entries where !known.contains(entry.key) {
                error(entry.keyPosition, "clé inconnue « \(entry.key) » \(context)" + suggestion(entry.key, among: known),
                    hint: "clés possibles : " + known.joined(separator: ", "))
            }
        }

        mutating func read(_ tree: YAMLTree?) -> [CollectionSchema] {
            guard let tree, case .map(let top, _) = tree else {
                error(SourcePosition(line: 1, column: 1), "le fichier doit commencer par « collections: »",
                    hint: "voir l'exemple de docs/contenu.md (partie « Ajouter ou modifier une sorte de contenu »)")
                return []
            }
            unknownKeys(top, known: ["site_listings", "collections"], context: "en tête du fichier")
            if let pages = top.first(where: { $0.key == "site_listings" }) { siteListings = siteListingPages(pages) }
            guard let list = top.first(where: { $0.key == "collections" }) else {
                error(SourcePosition(line: 1, column: 1), "« collections: » manquant", hint: "déclarez les collections sous une ligne « collections: »")
                return []
            }
            guard case .map(let declared, _) = list.value, !declared.isEmpty else {
                error(list.value.position, "« collections » doit associer un identifiant à chaque collection",
                    hint: "par exemple :\ncollections:\n  ressources:\n    label: Ressources\n    …")
                return []
            }
            var collections: [CollectionSchema] = []
            var folders: [String: String] = [:]
            var prefixes: [String: String] = [:]
            for entry in declared {
                // Where it sits, as written, even when the rest of the declaration has errors.
                let id = entry.key
                let folder = entry.value["folder"]?.text ?? id
                let written = entry.value["prefix"]?.text ?? id + "/"
                let prefix = written.isEmpty || written == "/" ? "" : (written.hasSuffix("/") ? written : written + "/")
                if let other = folders[folder] {
                    error(entry.keyPosition, "les collections « \(other) » et « \(id) » ont le même dossier « \(folder) »",
                        hint: "donnez à chacune son dossier (clé « folder »)")
                } else if let other = prefixes[prefix] {
                    let shown = prefix.isEmpty ? "la racine du site" : "« \(prefix) »"
                    error(entry.keyPosition, "les collections « \(other) » et « \(id) » publient leurs pages au même endroit : \(shown)",
                        hint: "donnez à chacune son préfixe d'adresse (clé « prefix »)")
                }
                folders[folder] = folders[folder] ?? id
                prefixes[prefix] = prefixes[prefix] ?? id
                if let collection = collection(entry) { collections.append(collection) }
            }
            checkReferenceTargets(declared: declared.map(\.key), valid: collections)
            checkSiteListingUses()
            for page in siteListings {
                if let owner = prefixes[page.url] {
                    error(top.first { $0.key == "site_listings" }?.keyPosition ?? .unknown,
                        "« site_listings » : les pages de « \(page.vocabulary) » et la collection « \(owner) » sont à la même adresse : « \(page.url) »",
                        hint: "changez le préfixe (« prefix ») de la collection « \(owner) »")
                }
            }
            checkDigestSources(declared: declared.map(\.key), valid: collections)
            return collections
        }

        /// A name usable as a folder and in addresses, not taken by Castor.
        mutating func checkName(_ name: String, what: String, at position: SourcePosition) -> Bool {
            guard !name.isEmpty, Slug.make(name) == name else {
                error(position, "\(what) « \(name) » invalide : minuscules sans accent, chiffres et tirets",
                    hint: Slug.make(name).isEmpty ? "par exemple « partenaires »" : "écrivez « \(Slug.make(name)) »")
                return false
            }
            guard !CollectionDeclarations.castorNames.contains(name) else {
                error(position, "\(what) « \(name) » est réservé par Castor à ses propres pages",
                    hint: "noms réservés : " + CollectionDeclarations.castorNames.sorted().joined(separator: ", ") + " ; choisissez-en un autre")
                return false
            }
            return true
        }

        mutating func collection(_ declaration: YAMLTree.Entry) -> CollectionSchema? {
            let id = declaration.key
            var valid = checkName(id, what: "l'identifiant de collection", at: declaration.keyPosition)
            guard case .map(let entries, _) = declaration.value else {
                error(declaration.value.position, "la collection « \(id) » doit être décrite par des clés « nom: valeur »",
                    hint: "au moins label, singular et fields")
                return nil
            }
            unknownKeys(entries, known: collectionKeys, context: "dans la collection « \(id) »")
            let values = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            func text(_ key: String, required: Bool) -> String? {
                guard let entry = values[key], !entry.value.isNull else {
                    if required {
                        error(declaration.keyPosition, "la collection « \(id) » n'a pas de « \(key) »",
                            hint: key == "label" ? "le nom au pluriel, par exemple « label: Partenaires »" : "le nom au singulier, par exemple « singular: Partenaire »")
                        valid = false
                    }
                    return nil
                }
                guard let value = entry.value.text, !value.trimmingCharacters(in: .whitespaces).isEmpty || key == "prefix" else {
                    error(entry.value.position, "« \(key) » doit être un texte")
                    valid = false
                    return nil
                }
                return value
            }
            let label = text("label", required: true)
            let singular = text("singular", required: true)
            let folder = text("folder", required: false)
            if let folder, let entry = values["folder"], !checkName(folder, what: "le dossier", at: entry.value.position) { valid = false }
            var prefix = text("prefix", required: false)
            if let given = prefix, let entry = values["prefix"] {
                let trimmed = given.hasSuffix("/") ? String(given.dropLast()) : given
                let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                if !trimmed.isEmpty {
                    for (index, part) in parts.enumerated() {
                        let what = index == 0 ? "le préfixe d'adresse" : "la partie « \(part) » du préfixe d'adresse"
                        if !checkName(part, what: what, at: entry.value.position) { valid = false }
                    }
                }
                prefix = trimmed.isEmpty ? "" : trimmed + "/"
            }
            var layout = CollectionSchema.Layout.flat
            if let entry = values["groups"], let vocabulary = vocabularyName(entry, owner: "« groups » de la collection « \(id) »") {
                layout = .grouped(vocabulary: vocabulary)
            } else if values["groups"] != nil {
                valid = false
            }
            let template = text("template", required: false)
            var listing = true
            if let entry = values["listing"] {
                if let flag = entry.value.bool {
                    listing = flag
                } else {
                    error(entry.value.position, "« listing » doit valoir true ou false")
                    valid = false
                }
            }
            var reserved: Set<String> = []
            if let entry = values["reserved"] {
                if let names = list(entry.value) {
                    reserved = Set(names)
                } else {
                    error(entry.value.position, "« reserved » doit être une liste de noms", hint: "par exemple : reserved: [regions, partager]")
                    valid = false
                }
            }
            guard let fieldsEntry = values["fields"] else {
                error(declaration.keyPosition, "la collection « \(id) » n'a pas de champs (« fields »)", hint: "déclarez au moins le champ « title »")
                return nil
            }
            guard case .map(let declared, _) = fieldsEntry.value, !declared.isEmpty else {
                error(fieldsEntry.value.position, "« fields » doit associer un nom de champ à sa description",
                    hint: "par exemple :\n    fields:\n      title:\n        type: text\n        label: Titre\n        required: true")
                return nil
            }
            var fields: [FieldSpec] = []
            for field in declared {
                if let spec = self.field(field, collection: id) { fields.append(spec) } else { valid = false }
            }
            if !declared.contains(where: { $0.key == "title" }) {
                missingTitle(at: fieldsEntry.keyPosition, collection: id)
                valid = false
            }
            var rules: [FieldRule] = []
            if let entry = values["rules"] {
                if let parsed = self.rules(entry.value, fields: fields, declared: declared.map(\.key), collection: id) {
                    rules = parsed
                } else {
                    valid = false
                }
            }
            let publishing = self.publishing(values, fields: fields, collection: id)
            guard valid, let label, let singular, let publishing else { return nil }
            var schema = CollectionSchema(
                id: id, folder: folder, label: label, singular: singular, layout: layout, fields: fields, rules: rules,
                template: template, urlPrefix: prefix, hasListing: listing,
                reservedSlugs: reserved.union(publishing.listings.map { publishing.segment(of: $0.field) }))
            schema.publishing = publishing
            return schema
        }

        mutating func missingTitle(at position: SourcePosition, collection: String) {
            error(position, "la collection « \(collection) » n'a pas de champ « title »",
                hint: "chaque contenu a un titre : ajoutez\n      title:\n        type: text\n        label: Titre\n        required: true")
        }

        /// The name of a list of site.yml, checked.
        mutating func vocabularyName(_ entry: YAMLTree.Entry, owner: String) -> String? {
            guard let name = entry.value.text, !entry.value.isEmpty else {
                error(entry.value.position, "\(owner) : indiquez le nom d'une liste de site.yml", hint: listsHint)
                return nil
            }
            if let vocabularies, !vocabularies.contains(name) {
                error(entry.value.position, "\(owner) : la liste « \(name) » n'existe pas dans site.yml"
                    + (Validator.nearest(name, in: vocabularies.sorted()).map { " : vouliez-vous écrire « \($0) » ?" } ?? ""),
                    hint: listsHint)
                return nil
            }
            return name
        }

        /// The field a publishing key names (`lifecycle: {field: expires}`), reported when the
        /// value is not a name or no field of the collection has it.
        mutating func namedField(_ value: YAMLTree.Entry, key: String, owner: String, fields: [FieldSpec], collection id: String, example: String)
            -> FieldSpec?
        {
            guard let name = value.value.text, !value.value.isEmpty else {
                error(value.value.position, "« \(owner) » : « \(key) » doit nommer un champ", hint: example)
                return nil
            }
            guard let spec = fields.first(where: { $0.key == name }) else {
                error(value.value.position, "« \(owner) » : « \(name) » n'est pas un champ de « \(id) »"
                    + CollectionDeclarations.suggestion(name, among: fields.map(\.key)),
                    hint: "champs déclarés : " + fields.map(\.key).filter { $0 != "draft" }.joined(separator: ", "))
                return nil
            }
            return spec
        }

        var listsHint: String {
            guard let vocabularies else { return "une liste déclarée dans site.yml" }
            return "listes de site.yml : " + vocabularies.sorted().joined(separator: ", ")
        }

        /// A list of plain texts (a single text counts as a list of one), or nil.
        func list(_ value: YAMLTree) -> [String]? {
            switch value {
            case .scalar(let text, _, _): return value.isNull ? [] : [text]
            case .list(let items, _):
                let texts = items.compactMap(\.text)
                return texts.count == items.count ? texts : nil
            case .map: return nil
            }
        }

        /// `fields` are the valid ones, `declared` the names of all (an invalid one is already reported).
        mutating func rules(_ value: YAMLTree, fields: [FieldSpec], declared: [String], collection: String) -> [FieldRule]? {
            guard case .list(let items, _) = value else {
                error(value.position, "« rules » doit être une liste de règles", hint: "par exemple :\n    rules:\n      - {field: end, not_before: start}")
                return nil
            }
            var rules: [FieldRule] = []
            var valid = true
            for item in items {
                guard case .map(let entries, let position) = item else {
                    error(item.position, "une règle s'écrit {field: …, not_before: …}")
                    valid = false
                    continue
                }
                if entries.contains(where: { $0.key == "within" }) {
                    if let rule = withinRule(entries, at: position, fields: fields, declared: declared, collection: collection) {
                        rules.append(rule)
                    } else {
                        valid = false
                    }
                    continue
                }
                let before = diagnostics.count
                unknownKeys(entries, known: ["field", "not_before", "within"], context: "dans une règle de « \(collection) »")
                var names: [String] = []
                for key in ["field", "not_before"] {
                    guard let entry = entries.first(where: { $0.key == key }), let name = entry.value.text, !entry.value.isNull else {
                        error(position, "la règle n'a pas de « \(key) »", hint: "une règle s'écrit {field: end, not_before: start}")
                        continue
                    }
                    guard let spec = fields.first(where: { $0.key == name }) else {
                        if declared.contains(name) {
                            valid = false
                        } else {
                            error(entry.value.position, "la règle nomme « \(name) », qui n'est pas un champ de « \(collection) »"
                                + suggestion(name, among: declared),
                                hint: "champs déclarés : " + declared.joined(separator: ", "))
                        }
                        continue
                    }
                    switch spec.type {
                    case .date, .dateOrDateTime: names.append(name)
                    default:
                        error(entry.value.position, "la règle compare des dates, mais « \(name) » est de type \(FieldDeclarations.typeName(spec.type))",
                            hint: "« not_before » ne s'applique qu'aux champs date et date_or_datetime")
                    }
                }
                if names.count == 2 && diagnostics.count == before {
                    rules.append(.notBefore(later: names[0], earlier: names[1]))
                } else {
                    valid = false
                }
            }
            return valid ? rules : nil
        }
    }
}
