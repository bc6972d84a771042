/// The options of `feed` beyond its title and `per_value`: `head: true` (every page of the site
/// announces the feed in its `<head>`, not only the collection's pages) and `authors: <field>`
/// (a text_list field whose values are the entries' authors).
extension CollectionDeclarations.Reader {
    /// Reads them from the map of `feed` into `result`; false when one is wrong (reported).
    mutating func feedOptions(
        _ map: [String: YAMLTree.Entry], fields: [FieldSpec], collection id: String, into result: inout CollectionPublishing
    ) -> Bool {
        let before = diagnostics.count
        if let head = map["head"] {
            if let flag = head.value.bool {
                result.feedHead = flag
            } else {
                error(head.value.position, "« head » de « feed » doit valoir true ou false", hint: "head: true annonce le flux dans l'en-tête de toutes les pages")
            }
        }
        if let authors = map["authors"] {
            if let name = authors.value.text, !authors.value.isEmpty {
                if let spec = fields.first(where: { $0.key == name }) {
                    if spec.type == .textList {
                        result.feedAuthors = name
                    } else {
                        error(authors.value.position, "« authors » de « feed » : « \(name) » est de type \(FieldDeclarations.typeName(spec.type)), pas une liste de textes (text_list)",
                            hint: "choisissez le champ text_list des auteurs")
                    }
                } else {
                    error(authors.value.position, "« authors » de « feed » : « \(name) » n'est pas un champ de « \(id) »"
                        + CollectionDeclarations.suggestion(name, among: fields.map(\.key)),
                        hint: "champs déclarés : " + fields.map(\.key).filter { $0 != "draft" }.joined(separator: ", "))
                }
            } else {
                error(authors.value.position, "« authors » de « feed » doit nommer un champ", hint: "par exemple : feed: {title: Nouveautés, authors: authors}")
            }
        }
        return diagnostics.count == before
    }

    /// Reads `search: {label, groups}` into `result`: `label` names the search type of the
    /// items; with `groups: true` (a grouped collection), each group is a search type of its own,
    /// under its label, and `label` may be left out. False when wrong (reported).
    mutating func searchKey(_ entry: YAMLTree.Entry, grouped: Bool, collection id: String, into result: inout CollectionPublishing) -> Bool {
        let example = "search: {label: Adresse utile}"
        let before = diagnostics.count
        let (map, _) = keyedValues(entry, known: ["label", "groups"], example: example, collection: id)
        guard let map else { return false }
        if let groups = map["groups"] {
            if let flag = groups.value.bool {
                result.searchGroups = flag
                if flag && !grouped {
                    error(groups.value.position, "« groups » de « search » demande une collection rangée en sous-dossiers (« groups »)",
                        hint: "ajoutez « groups: » à la collection « \(id) », ou retirez « groups » de « search »")
                }
            } else {
                error(groups.value.position, "« groups » de « search » doit valoir true ou false")
            }
        }
        if let label = map["label"], let text = label.value.text, !label.value.isNull, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            result.searchLabel = text
        } else if !result.searchGroups {
            error(map["label"]?.value.position ?? entry.keyPosition, "« search » de la collection « \(id) » : « label » manquant ou vide",
                hint: "par exemple : \(example)")
        }
        return diagnostics.count == before
    }
}
