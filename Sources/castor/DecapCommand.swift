import ArgumentParser
import CastorKit
import Foundation

struct DecapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decap",
        abstract: "Écrit la configuration de l'éditeur web Decap CMS (admin/config.yml et admin/index.html).",
        discussion: """
            Pour écrire sans git : Decap CMS est un éditeur dans le navigateur qui enregistre dans \
            le dépôt du contenu. Sa configuration est produite à partir de site.yml et des règles de \
            Castor (pour une collection rangée en sous-dossiers, deux par sous-dossier, simples et avec pièces jointes ; puis l'agenda, \
            les annonces, les pages ; listes de \
            valeurs en menus, dates en calendriers, champs obligatoires marqués). À relancer après \
            chaque construction du site : castor build && castor decap --repo reseau/contenu. \
            Avec une section editor dans site.yml, castor build écrit lui-même admin/ avec le site : \
            castor decap ne sert plus qu'à l'écrire ailleurs.
            """)

    @Option(name: .long, help: ArgumentHelp("Dossier du contenu (Markdown et site.yml).", valueName: "dossier"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("Dossier où écrire config.yml et index.html (servi à l'adresse admin/ du site).", valueName: "dossier"))
    var output = "site/admin"

    @Option(name: .long, help: ArgumentHelp("Dossier du contenu dans le dépôt que Decap modifie (par défaut : editor.content_folder de site.yml, sinon content).", valueName: "dossier"))
    var repositoryContent: String?

    @Option(name: .long, help: ArgumentHelp("Service git de Decap : git-gateway, github, gitlab, gitea… (par défaut : editor.backend de site.yml, sinon git-gateway).", valueName: "service"))
    var backend: String?

    @Option(name: .long, help: ArgumentHelp("Dépôt du contenu, propriétaire/nom (obligatoire sauf avec git-gateway ; par défaut : editor.repo de site.yml).", valueName: "propriétaire/nom"))
    var repo: String?

    @Option(name: .long, help: ArgumentHelp("Branche où Decap enregistre (par défaut : editor.branch de site.yml, sinon main).", valueName: "branche"))
    var branch: String?

    func run() throws {
        let setup = SiteSetup.load(contentRoot: content)
        guard let config = setup.config, let collections = setup.collections else {
            if !FileIO.isDirectory(content) {
                Terminal.standardError("erreur : dossier de contenu introuvable : « \(content) »\n  conseil : indiquez --content CHEMIN")
            }
            Terminal.printDiagnostics(DiagnosticList(setup.diagnostics))
            throw ExitCode.failure
        }
        let settings = config.editor
        let backendName = backend ?? settings?.backend.name ?? "git-gateway"
        let repository = repo ?? settings?.backend.repo
        if backendName != "git-gateway" && repository == nil {
            Terminal.standardError(
                "erreur : --repo propriétaire/nom est obligatoire avec --backend \(backendName)\n  conseil : indiquez --repo reseau/contenu, ou « repo: » dans la section editor de site.yml")
            throw ExitCode.validationFailure
        }
        let yaml = DecapConfig.yaml(
            config: config, collections: collections, backend: .init(name: backendName, repo: repository, branch: branch ?? settings?.backend.branch ?? "main"),
            contentFolder: repositoryContent ?? settings?.contentFolder ?? "content")
        do {
            try FileIO.makeDirectories(output)
            try FileIO.write(yaml, to: output + "/config.yml")
            try FileIO.write(DecapConfig.indexHTML(), to: output + "/index.html")
        } catch {
            Terminal.standardError("erreur : écriture impossible dans « \(output) » : \(error.reason)")
            throw ExitCode.failure
        }
        print("Éditeur écrit dans « \(output) » (config.yml, index.html) : \(DecapConfig.collections(config: config, collections: collections).count) collections.")
    }
}
