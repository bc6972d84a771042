/// The `editor:` section of `site.yml`: the web editor (Decap CMS) that `castor build`
/// installs at `admin/` of the site, so that it is rebuilt with the site and never lost.
///
/// ```yaml
/// editor:
///   backend: github          # git-gateway (par défaut), github, gitlab, gitea…
///   repo: reseau/contenu     # obligatoire sauf avec git-gateway
///   branch: main             # par défaut main
///   content_folder: content  # dossier du contenu dans le dépôt, par défaut content ; "" pour la racine
/// ```
public struct EditorSettings: Sendable {
    public var backend: DecapConfig.Backend
    /// Where the content folder is in the repository the editor commits to; empty when the
    /// content is the repository's root (a repository of its own).
    public var contentFolder: String

    public init(backend: DecapConfig.Backend, contentFolder: String = "content") {
        self.backend = backend
        self.contentFolder = contentFolder
    }

    static let knownKeys = ["backend", "repo", "branch", "content_folder"]

    /// Reads the section; every problem is reported with its position.
    static func load(_ tree: YAMLTree, file: String) -> (EditorSettings?, [Diagnostic]) {
        guard case .map(let entries, _) = tree else {
            return (nil, [
                .error(file, tree.position, "« editor » doit contenir des champs « nom: valeur »",
                    hint: "par exemple :\n    editor:\n      backend: github\n      repo: reseau/contenu")
            ])
        }
        var diagnostics: [Diagnostic] = []
        for entry in entries where !knownKeys.contains(entry.key) {
            diagnostics.append(
                .warning(file, entry.keyPosition, "champ inconnu « \(entry.key) » dans « editor » : il est ignoré",
                    hint: "champs reconnus : " + knownKeys.joined(separator: ", ")))
        }
        func text(_ key: String) -> String? {
            guard let value = tree[key], !value.isNull else { return nil }
            guard let string = value.text?.trimmingCharacters(in: .whitespaces), !string.isEmpty else {
                diagnostics.append(.error(file, value.position, "« editor.\(key) » doit être un texte"))
                return nil
            }
            return string
        }
        let backend = text("backend") ?? "git-gateway"
        let repo = text("repo")
        let branch = text("branch") ?? "main"
        // `content_folder: ""`: the content is the root of its own repository.
        let folderValue = tree["content_folder"]
        let contentFolder = folderValue?.text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? "" : nil }
            ?? (text("content_folder") ?? "content").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if backend != "git-gateway" && repo == nil {
            diagnostics.append(
                .error(file, tree["backend"]?.position ?? tree.position, "« editor.repo » manque : le service « \(backend) » a besoin du dépôt du contenu",
                    hint: "ajoutez dans « editor » une ligne « repo: propriétaire/nom », par exemple repo: reseau/contenu"))
        }
        if let repo, repo.split(separator: "/").count != 2 {
            diagnostics.append(
                .error(file, tree["repo"]?.position ?? tree.position, "« editor.repo » doit être de la forme propriétaire/nom : « \(repo) »",
                    hint: "par exemple repo: reseau/contenu"))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (EditorSettings(backend: .init(name: backend, repo: repo, branch: branch), contentFolder: contentFolder), diagnostics)
    }
}

import Foundation
