/// The texts a declaration gives its collection: `intro` (the first sentence of its listing),
/// `contact_placeholder` (what stands for a contact in its items' texts, « [contact sur
/// l'annonce] »), `starter` (the body `castor new` writes in a new item), `menu_label` (its
/// entry in the main menu, with `navigation: true`) and `group_empty` (what the listing of a
/// group, `<prefix><group>/`, says when the group has no item).
extension CollectionDeclarations.Reader {
    /// Reads them into `result`; false when one is not a text (reported).
    mutating func textKeys(_ values: [String: YAMLTree.Entry], collection id: String, into result: inout CollectionPublishing) -> Bool {
        let before = diagnostics.count
        let keys: [(key: String, path: WritableKeyPath<CollectionPublishing, String?>, example: String)] = [
            ("intro", \.intro, "intro: Les partenaires professionnels du réseau."),
            ("contact_placeholder", \.contactPlaceholder, "contact_placeholder: \"[contact sur l'annonce]\""),
            ("starter", \.starter, "starter: |\n      À compléter : le texte."),
            ("menu_label", \.menuLabel, "menu_label: Annonces"),
            ("group_empty", \.groupEmpty, "group_empty: Rien dans ce type pour le moment."),
        ]
        for (key, path, example) in keys {
            guard let entry = values[key] else { continue }
            if let text = entry.value.text, !entry.value.isEmpty, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                result[keyPath: path] = text
            } else {
                error(entry.value.position, "« \(key) » de la collection « \(id) » doit être un texte", hint: "par exemple : \(example)")
            }
        }
        return diagnostics.count == before
    }
}
