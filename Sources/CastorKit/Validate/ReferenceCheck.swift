/// Whether the items named by `reference` / `references` fields exist, are unique, sit in the
/// field's group and are published: checked across the files by `check`, `build` and `serve`
/// (`SiteStore.collectDiagnostics`). A draft's problems are warnings.
public enum ReferenceCheck {
    public static func diagnostics(_ entries: [Entry], collections: [CollectionSchema], isPublished: (Entry) -> Bool) -> [Diagnostic] {
        let sources = entries.filter { !$0.collection.referenceFields.isEmpty }
        guard !sources.isEmpty else { return [] }
        let wanted = Set(sources.flatMap { $0.collection.referenceFields.map(\.rule.collection) })
        let targets = ReferenceTargets(entries, collections: wanted)
        var result: [Diagnostic] = []
        for entry in sources {
            let published = isPublished(entry)
            // Expired ads and other unpublished items that are not drafts are not looked at.
            guard published || entry.isDraft else { continue }
            var found: [Diagnostic] = []
            for (spec, rule) in entry.collection.referenceFields {
                let names: [String]
                switch entry[spec.key] {
                case .text(let name)?: names = [name]
                case .list(let list)?: names = list
                default: continue
                }
                let label = collections.first { $0.id == rule.collection }?.label ?? rule.collection
                for name in names {
                    if let problem = problem(name, spec: spec, rule: rule, label: label, entry: entry, targets: targets, isPublished: isPublished) {
                        found.append(problem)
                    }
                }
            }
            result += published ? found : DraftChecks.asWarnings(found)
        }
        return result
    }

    static func problem(
        _ name: String, spec: FieldSpec, rule: ReferenceRule, label: String, entry: Entry, targets: ReferenceTargets,
        isPublished: (Entry) -> Bool
    ) -> Diagnostic? {
        let file = entry.displayPath
        let position = entry.position(of: spec.key)
        switch targets.lookup(name, rule: rule) {
        case .found(let target):
            guard !isPublished(target) else { return inverseProblem(name, target: target, spec: spec, rule: rule, entry: entry) }
            return .warning(file, position, "« \(spec.key) » : « \(name) » vise un contenu non publié (brouillon ou contenu expiré) : son nom est affiché sans lien",
                hint: "publiez « \(target.displayPath) » (retirez « draft: true »), ou retirez « \(name) » de « \(spec.key) »")
        case .ambiguous(let entries):
            let paths = entries.map { ($0.group.map { $0 + "/" } ?? "") + $0.slug }.sorted()
            return .error(file, position, "« \(spec.key) » : « \(name) » désigne plusieurs contenus de « \(label) » : " + paths.map { "« \($0) »" }.joined(separator: ", "),
                hint: "écrivez le chemin du bon contenu dans son dossier, par exemple « \(paths[0]) »")
        case .outsideGroup(let target):
            return .error(file, position, "« \(spec.key) » : « \(name) » est rangé dans « \(target.group ?? "") », pas dans « \(rule.group ?? "") »",
                hint: "ce champ n'accepte que les contenus du dossier « \(rule.group ?? "") » de « \(label) »")
        case .missing(let suggestion):
            var hint = "écrivez le nom du fichier sans .md, tel qu'il est dans le dossier de « \(label) »"
            if let suggestion {
                hint = "vouliez-vous écrire « \(suggestion) » ? " + hint
            }
            return .error(file, position, "« \(spec.key) » : aucun contenu de « \(label) » ne s'appelle « \(name) »", hint: hint)
        }
    }

    /// With `inverse`, the target names the item back in that field; else a warning.
    static func inverseProblem(_ name: String, target: Entry, spec: FieldSpec, rule: ReferenceRule, entry: Entry) -> Diagnostic? {
        guard let inverse = rule.inverse else { return nil }
        let names = ReferenceIndex.names(target[inverse])
        let own = [entry.slug] + (entry.group.map { [$0 + "/" + entry.slug] } ?? [])
        guard !names.contains(where: own.contains) else { return nil }
        return .warning(entry.displayPath, entry.position(of: spec.key),
            "« \(spec.key) » : « \(name) » ne nomme pas ce contenu dans son champ « \(inverse) »",
            hint: "ajoutez « \(entry.slug) » à « \(inverse) » dans \(target.displayPath), ou retirez « \(name) » de « \(spec.key) »")
    }
}
