/// The `skip` field of a newsletter (`digest: {skip: sans}`): the sections an issue leaves out,
/// named by their `id` in the declaration. Its values are checked against those ids, so a typo
/// (« sans: [annonce] ») is an error instead of a section quietly kept.
enum DigestSkip {
    /// When `skip` is a `terms` field, its list of site.yml must offer exactly the declared
    /// sections: a missing one could not be left out, an extra one names nothing.
    static func declarationProblems(_ collections: [CollectionSchema], config: SiteConfig, file: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for collection in collections {
            guard let digest = collection.publishing.digest, let skip = digest.skipField,
                case .terms(let vocabulary)? = collection.field(skip)?.type, let values = config.vocabularies[vocabulary]
            else { continue }
            let ids = digest.sections.map(\.id)
            for id in ids where values[id] == nil {
                let title = digest.sections.first { $0.id == id }?.title ?? id
                result.append(
                    .error(file, digest.skipPosition,
                        "« digest » de « \(collection.id) » : la section « \(id) » manque à la liste « \(vocabulary) » de site.yml (champ « \(skip) »), un numéro ne pourrait pas la laisser de côté",
                        hint: "ajoutez « \(id): \(title) » à la liste « \(vocabulary) » de site.yml"))
            }
            for value in values.keys where !ids.contains(value) {
                result.append(
                    .error(file, digest.skipPosition,
                        "« digest » de « \(collection.id) » : la liste « \(vocabulary) » de site.yml nomme « \(value) », qui n'est pas une section de la lettre"
                            + (Validator.nearest(value, in: ids).map { " : vouliez-vous écrire « \($0) » ?" } ?? ""),
                        hint: "sections déclarées : " + ids.joined(separator: ", ") + " ; corrigez ou retirez « \(value) » de la liste"))
            }
        }
        return result
    }

    /// An issue's `skip` values that are not section ids (a `text_list` field, or a list of
    /// site.yml that the declaration check already reports).
    static func problems(fields: [String: FieldValue], positions: [String: SourcePosition], schema: CollectionSchema, file: String)
        -> [Diagnostic]
    {
        guard let digest = schema.publishing.digest, let skip = digest.skipField, let value = fields[skip] else { return [] }
        let ids = digest.sections.map(\.id)
        return value.listValues.filter { !ids.contains($0) }.map { name in
            .error(file, positions[skip] ?? SourcePosition(line: 1, column: 1),
                "« \(skip) » : « \(name) » n'est pas une section de la lettre"
                    + (Validator.nearest(name, in: ids).map { " : vouliez-vous écrire « \($0) » ?" } ?? ""),
                hint: "sections qu'un numéro peut laisser de côté : " + ids.joined(separator: ", "))
        }
    }
}
