import Foundation
import Yams

/// Editing without git: the configuration of Decap CMS (a web editor that commits to the
/// content repository), generated from the same declarations `castor check` applies:
/// `collections.yml` for the fields (and their `help`), `site.yml` for the vocabularies.
///
/// Two folder collections per group of a grouped collection (the group is the folder): simple
/// items (`<nom>.md`) and items with attachments (`<nom>/index.md`); one for the agenda, the ads
/// and the pages; vocabularies become select widgets, dates date widgets, required
/// fields are required. `DecapConfigTests` checks that it stays in step with the rules.
public enum DecapConfig {
    public struct Backend: Sendable {
        /// `git-gateway`, `github`, `gitlab`, `gitea`…
        public var name: String
        /// `owner/name`; required by every backend but `git-gateway`.
        public var repo: String?
        public var branch: String
        public init(name: String = "git-gateway", repo: String? = nil, branch: String = "main") {
            self.name = name
            self.repo = repo
            self.branch = branch
        }
    }

    /// Fields the editor leaves out of the simple form (`<nom>.md`), and why (shown in the
    /// collection's description).
    public static let omitted: [String: String] = [
        // Attachments sit beside the item, which must then be a folder (`<nom>/index.md`):
        // the « avec pièces jointes » collection of the same group writes that form.
        "attachments": "pour joindre des fichiers, créez la fiche dans la collection « avec pièces jointes » du même type",
    ]

    /// The editor's collection path of items that are folders: `<nom>/index.md`.
    public static let bundlePath = "{{slug}}/index"

    /// One collection of the editor: a folder of the content and the form of its items.
    public struct Collection: Sendable {
        public let name: String
        /// Path in the repository (`content/<folder>/<group>`).
        public let folder: String
        /// `{{slug}}/index` for items that are folders, their files beside `index.md`; nil for
        /// items that are one file, `<nom>.md`.
        public let path: String?
        public let schema: CollectionSchema
        public let label: String
        public var isBundle: Bool { path != nil }
    }

    /// The editor's collections: per group, one for simple items (`<nom>.md`) and one
    /// for items with attachments (`<nom>/index.md`); one for the agenda, the ads, the pages.
    public static func collections(config: SiteConfig, collections declared: [CollectionSchema], contentFolder: String = "content") -> [Collection] {
        var result: [Collection] = []
        for schema in declared {
            switch schema.layout {
            case .grouped(let vocabulary):
                for (slug, label) in config.vocabulary(vocabulary) {
                    let folder = inRepository(contentFolder, "\(schema.folder)/\(slug)")
                    result.append(.init(name: "\(schema.id)-\(slug)", folder: folder, path: nil, schema: schema, label: "\(schema.label) : \(label)"))
                    if schema.field("attachments") != nil {
                        result.append(
                            .init(name: "\(schema.id)-\(slug)-dossiers", folder: folder, path: bundlePath, schema: schema,
                                label: "\(schema.label) : \(label) (avec pièces jointes)"))
                    }
                }
            case .flat:
                result.append(.init(name: schema.id, folder: inRepository(contentFolder, schema.folder), path: nil, schema: schema, label: schema.label))
            }
        }
        return result
    }

    /// A path of the content folder in the repository; `""` or `.` when the content is the
    /// repository's root.
    static func inRepository(_ contentFolder: String, _ path: String) -> String {
        let root = contentFolder.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return root.isEmpty || root == "." ? path : root + "/" + path
    }

    /// The site's `admin/config.yml` and `admin/index.html` when `site.yml` has an `editor:`
    /// section (`castor build` writes them with the site), none otherwise.
    public static func files(config: SiteConfig, collections: [CollectionSchema]) -> [(path: String, text: String)] {
        guard let editor = config.editor else { return [] }
        return [
            ("admin/config.yml", yaml(config: config, collections: collections, backend: editor.backend, contentFolder: editor.contentFolder)),
            ("admin/index.html", indexHTML()),
        ]
    }

    /// `admin/config.yml`.
    public static func yaml(config: SiteConfig, collections declared: [CollectionSchema], backend: Backend, contentFolder: String = "content") -> String {
        var backendNode: [(String, Node)] = [("name", plain(backend.name))]
        if let repo = backend.repo { backendNode.append(("repo", text(repo))) }
        backendNode.append(("branch", text(backend.branch)))
        var root: [(String, Node)] = [
            ("backend", mapping(backendNode)),
            ("locale", plain("fr")),
            ("site_url", text(config.baseURL)),
            ("display_url", text(config.baseURL)),
            // Images added from the editor: one folder, linked relatively from each item.
            ("media_folder", text(inRepository(contentFolder, "medias"))),
            ("public_folder", text("/medias")),
            // File names made from titles: the rule of `castor new` (`Slug.fromTitle`).
            ("slug", mapping([("encoding", plain("ascii")), ("clean_accents", plain("true")), ("sanitize_replacement", text("-"))])),
        ]
        var collectionNodes: [Node] = []
        for collection in collections(config: config, collections: declared, contentFolder: contentFolder) {
            let schema = collection.schema
            let folder = collection.folder
            var fields: [Node] = schema.fields.compactMap { field($0, config: config, bundle: collection.isBundle, collections: declared) }
            fields.append(mapping([("label", text("Texte")), ("name", plain("body")), ("widget", plain("markdown")), ("required", plain("false"))]))
            var description: String
            if collection.isBundle {
                description = "Une \(schema.singular.lowercased()) par dossier : \(folder)/<nom>/index.md, ses pièces jointes et ses images à côté. Les champs marqués obligatoires doivent être remplis ; castor check vérifie le reste."
            } else {
                description = "Un fichier par \(schema.singular.lowercased()) dans \(folder)/. Les champs marqués obligatoires doivent être remplis ; castor check vérifie le reste."
                let left = schema.fields.filter { omitted[$0.key] != nil }
                if !left.isEmpty {
                    description += " Absent ici : " + left.map { "\($0.label.lowercased()) (\(omitted[$0.key]!))" }.joined(separator: ", ") + "."
                }
            }
            var pairs: [(String, Node)] = [
                ("name", plain(collection.name)),
                ("label", text(collection.label)),
                ("label_singular", text(schema.singular)),
                ("description", text(description)),
                ("folder", text(folder)),
            ]
            if let path = collection.path { pairs.append(("path", text(path))) }
            pairs += [
                ("create", plain("true")),
                ("slug", text("{{slug}}")),
                ("extension", plain("md")),
                ("format", plain("frontmatter")),
                ("summary", text("{{title}}")),
            ]
            if collection.isBundle {
                // Media and attachments beside index.md, linked by their bare names.
                pairs += [("media_folder", text("")), ("public_folder", text(""))]
            } else {
                let depth = folder.split(separator: "/").count - (inRepository(contentFolder, "x").split(separator: "/").count - 1)
                let up = String(repeating: "../", count: depth)
                pairs += [("media_folder", text("\(up)medias")), ("public_folder", text("\(up)medias"))]
            }
            pairs.append(("fields", .sequence(.init(fields))))
            collectionNodes.append(mapping(pairs))
        }
        root.append(("collections", .sequence(.init(collectionNodes))))
        let header = """
            # Configuration de Decap CMS (éditeur web du contenu), produite par Castor
            # à partir de content/site.yml et content/collections.yml. Ne la modifiez pas à la main :
            # castor build la réécrit (section editor de site.yml), ou relancez castor decap.

            """
        let body = (try? Yams.serialize(node: mapping(root), width: -1, allowUnicode: true)) ?? ""
        return header + body
    }

    /// `admin/index.html`: the editor's page. Decap's code comes from a CDN: the one
    /// third-party request of the site, made only on this page, which visitors never see.
    public static func indexHTML(version: String = "3") -> String {
        """
        <!doctype html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>Éditeur du contenu — Decap CMS</title>
        </head>
        <body>
        <!-- Decap CMS se charge depuis un CDN (unpkg.com) : c'est la seule page du site qui
             fait une requête vers un tiers ; aucune page publique n'en fait. -->
        <script src="https://unpkg.com/decap-cms@^\(version).0.0/dist/decap-cms.js"></script>
        </body>
        </html>

        """
    }

    // MARK: - Fields

    /// Characters Decap keeps in a file name made from the title but Castor's names refuse.
    public static let titlePattern = (regex: "^[^_~]*$", message: "sans _ ni ~ : le nom du fichier est fait à partir du titre")

    static func field(_ spec: FieldSpec, config: SiteConfig, bundle: Bool = false, collections: [CollectionSchema] = []) -> Node? {
        guard bundle || omitted[spec.key] == nil else { return nil }
        var pairs: [(String, Node)] = [("label", text(spec.label)), ("name", plain(spec.key))]
        var hint = spec.type.frenchDescription
        switch spec.type {
        case .text:
            pairs.append(("widget", plain(spec.key == "summary" ? "text" : "string")))
            hint = ""
            if spec.key == "title" {
                pairs.append(("pattern", .sequence(.init([text(titlePattern.regex), text(titlePattern.message)]))))
            }
        case .date:
            pairs += [
                ("widget", plain("datetime")), ("format", text("YYYY-MM-DD")), ("date_format", text("DD/MM/YYYY")),
                ("time_format", plain("false")),
            ]
            hint = "une date"
        case .dateOrDateTime:
            // Decap's date widget is either a date or a date and time; the agenda needs both.
            pairs += [
                ("widget", plain("string")),
                ("pattern", .sequence(.init([text("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?$"), text("2027-05-12 ou 2027-05-12T09:30")]))),
            ]
            hint = "2027-05-12 pour une journée entière, 2027-05-12T09:30 pour une heure (heure de Paris)"
        case .bool:
            pairs += [("widget", plain("boolean")), ("default", plain("false"))]
            hint = spec.key == "draft" ? "un brouillon n'est pas publié" : hint
        case .url:
            pairs += [("widget", plain("string")), ("pattern", .sequence(.init([text("^https?://"), text("une adresse commençant par https://")])))]
        case .contact:
            pairs.append(("widget", plain("string")))
            hint += " ; elle sera publique"
        case .price:
            pairs += [("widget", plain("number")), ("value_type", plain("float")), ("min", plain("0"))]
            hint = "en euros, sans espace ni symbole €"
        case .term(let vocabulary):
            pairs += [("widget", plain("select")), ("options", options(config.vocabulary(vocabulary).map { ($0.key, $0.value) }))]
            hint = "liste « \(vocabulary) » de site.yml"
        case .terms(let vocabulary):
            pairs += [
                ("widget", plain("select")), ("multiple", plain("true")),
                ("options", options(config.vocabulary(vocabulary).map { ($0.key, $0.value) })),
            ]
            hint = "liste « \(vocabulary) » de site.yml"
        case .textList:
            pairs.append(("widget", plain("list")))
        case .choice(let choices):
            pairs += [("widget", plain("select")), ("options", options(choices.map { ($0.value, $0.label) }))]
        case .attachments:
            pairs += [
                ("widget", plain("list")), ("summary", text("{{fields.title}}")),
                ("fields", .sequence(.init([
                    mapping([("label", text("Fichier")), ("name", plain("file")), ("widget", plain("file")), ("required", plain("true"))]),
                    mapping([("label", text("Titre")), ("name", plain("title")), ("widget", plain("string")), ("required", plain("true"))]),
                ]))),
            ]
            hint = "chaque fichier est enregistré à côté de la fiche ; son titre est affiché au lecteur"
        case .number, .reference, .references:
            (pairs, hint) = extendedField(spec, collections: collections, pairs: pairs)
        }
        pairs.append(("required", plain(spec.required ? "true" : "false")))
        // `default:` of a term or choice field: the editor's new items start with it.
        if let value = spec.defaultValue { pairs.append(("default", text(value))) }
        // The declaration's help sentence (collections.yml) comes before the type's.
        if let help = spec.help { hint = help }
        if !hint.isEmpty { pairs.append(("hint", text(hint))) }
        return mapping(pairs)
    }

    static func options(_ values: [(value: String, label: String)]) -> Node {
        .sequence(.init(values.map { mapping([("label", text($0.label)), ("value", text($0.value))]) }))
    }

    /// A key, a number or a boolean, written as is.
    static func plain(_ value: String) -> Node {
        .scalar(.init(value, .implicit, .plain))
    }

    /// Text, always quoted: a label « Oui » or a slug « 2027 » stays a string.
    static func text(_ value: String) -> Node {
        .scalar(.init(value, Tag(.str), .doubleQuoted))
    }

    static func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (plain($0.0), $0.1) }))
    }
}
