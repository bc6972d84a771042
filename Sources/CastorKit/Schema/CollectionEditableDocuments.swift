/// `odt:` in a collection's declaration: its items (or those of some of its groups) get an
/// editable OpenDocument text made from their Markdown (`EditableDocuments`), offered on their page.
///
/// It adds a file and a link, and changes nothing of the pages' layout.
public struct EditableDocumentDeclaration: Sendable, Hashable {
    /// The link's text on the page.
    public static let defaultLabel = "Télécharger en .odt (modifiable)"

    /// The groups (sub-folders, values of the `groups` list of site.yml) whose items get a
    /// document; nil: every item of the collection.
    public var groups: [String]?
    /// Where each group was written, for messages.
    public var groupPositions: [SourcePosition] = []
    /// The link's text.
    public var label: String = EditableDocumentDeclaration.defaultLabel

    /// Whether an item of this group (nil for a collection without groups) gets a document.
    public func covers(group: String?) -> Bool {
        guard let groups else { return true }
        guard let group else { return false }
        return groups.contains(group)
    }
}

extension CollectionDeclarations.Reader {
    static let editableDocumentExample = "odt: {groups: [trames-types], label: Télécharger en .odt (modifiable)}"

    /// Reads `odt:`: `true`/`false`, or `{groups: […], label: …}`. Returns false when it is wrong
    /// (reported); `declaration` is nil when the collection has no editable documents.
    mutating func editableDocuments(
        _ values: [String: YAMLTree.Entry], grouped: Bool, collection id: String, declaration: inout EditableDocumentDeclaration?
    ) -> Bool {
        declaration = nil
        guard let entry = values["odt"] else { return true }
        let example = grouped ? Self.editableDocumentExample : "odt: true"
        if let flag = entry.value.bool {
            declaration = flag ? EditableDocumentDeclaration() : nil
            return true
        }
        guard case .map(let entries, _) = entry.value else {
            error(entry.value.position, "« odt » de la collection « \(id) » vaut true, false, ou s'écrit avec des clés (groups, label)",
                hint: "par exemple : \(example)")
            return false
        }
        let before = diagnostics.count
        unknownKeys(entries, known: ["groups", "label"], context: "dans « odt » de la collection « \(id) »")
        var valid = diagnostics.count == before
        var result = EditableDocumentDeclaration()
        for item in entries {
            switch item.key {
            case "groups":
                guard grouped else {
                    error(item.keyPosition, "« odt » : la collection « \(id) » n'a pas de sous-dossiers (« groups »)",
                        hint: "retirez « groups » : « odt: true » donne un document à chaque contenu de la collection")
                    valid = false
                    continue
                }
                let positions: [SourcePosition]
                switch item.value {
                case .list(let values, _): positions = values.map(\.position)
                default: positions = [item.value.position]
                }
                guard let names = list(item.value), !names.isEmpty, !names.contains(where: { $0.isEmpty }) else {
                    error(item.value.position, "« odt » : « groups » doit être une liste de sous-dossiers de la collection « \(id) »",
                        hint: "par exemple : \(Self.editableDocumentExample)")
                    valid = false
                    continue
                }
                result.groups = names
                result.groupPositions = positions
            case "label":
                guard let text = item.value.text, !item.value.isEmpty else {
                    error(item.value.position, "« odt » : « label » manquant ou vide", hint: "par exemple : label: \(EditableDocumentDeclaration.defaultLabel)")
                    valid = false
                    continue
                }
                result.label = text
            default: break
            }
        }
        if valid { declaration = result }
        return valid
    }
}

extension EditableDocumentDeclaration {
    /// The groups named by `odt:` that are no value of the collection's `groups` list of site.yml
    /// (checked once site.yml is read), at the place they are written in `file`.
    static func unknownGroups(_ collections: [CollectionSchema], config: SiteConfig, file: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for collection in collections {
            guard let declaration = collection.publishing.editableDocuments, let groups = declaration.groups,
                case .grouped(let vocabulary) = collection.layout, let values = config.vocabularies[vocabulary]
            else { continue }
            let known = Array(values.keys)
            for (index, group) in groups.enumerated() where values[group] == nil {
                let position = index < declaration.groupPositions.count ? declaration.groupPositions[index] : .unknown
                result.append(
                    .error(file, position,
                        "« odt » de la collection « \(collection.id) » : « \(group) » n'est pas une valeur de la liste « \(vocabulary) » de site.yml"
                            + (Validator.nearest(group, in: known).map { " : vouliez-vous écrire « \($0) » ?" } ?? ""),
                        hint: "valeurs possibles : " + known.joined(separator: ", ")))
            }
        }
        return result
    }
}
