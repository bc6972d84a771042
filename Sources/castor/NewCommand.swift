import ArgumentParser
import CastorKit
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Crée une fiche, un événement ou une annonce, au bon endroit, prêt à compléter.",
        discussion: """
            Exemples :
              castor new fiche boite-a-outils "Décider par consentement"
              castor new evenement "Atelier Métaplan à Tours" --date 2027-05-12
              castor new annonce "Terrain à Rennes" --categorie terrain
            Le nom du fichier vient du titre (minuscules, sans accents) ; un fichier existant n'est \
            jamais remplacé. Le nouveau fichier est un brouillon (draft: true).
            """,
        subcommands: [NewFiche.self, NewEvent.self, NewAd.self])
}

/// Options of every `castor new` command.
struct NewOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Dossier du contenu (Markdown et site.yml).", valueName: "dossier"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("Nom du fichier sans .md (par défaut, fait à partir du titre).", valueName: "nom"))
    var nom: String?

    @Option(name: .long, help: ArgumentHelp("Date du jour AAAA-MM-JJ (dates de mise à jour et de publication).", valueName: "AAAA-MM-JJ"))
    var now: LocalDate?

    var today: LocalDate { ContentOptions.today(now) }

    /// Reads site.yml, prepares and writes the file, and says what to do next.
    func create(_ kind: Scaffold.Kind, title: String, region: String?, contact: String? = nil) throws {
        let loader = ContentLoader(contentRoot: content)
        guard FileIO.isDirectory(content) else {
            Terminal.standardError("erreur : dossier de contenu introuvable : « \(content) »\n  conseil : lancez castor depuis le dossier du dépôt, ou indiquez --content CHEMIN")
            throw ExitCode.failure
        }
        let config: SiteConfig
        switch loader.readConfig() {
        case .failure(let problem):
            Terminal.printDiagnostics(DiagnosticList([problem]))
            throw ExitCode.failure
        case .success(let text):
            let (parsed, diagnostics) = SiteConfig.load(yaml: text, file: loader.display("site.yml"))
            guard let parsed else {
                Terminal.printDiagnostics(DiagnosticList(diagnostics))
                throw ExitCode.failure
            }
            config = parsed
        }
        let request = Scaffold.Request(kind: kind, title: title, slug: nom, region: region, contact: contact, today: today)
        do {
            let draft = try Scaffold.draft(request, config: config, contentRoot: content)
            try Scaffold.write(draft, contentRoot: content)
            let shown = loader.display(draft.relativePath)
            print("Créé : \(shown)")
            if let renamedFrom = draft.renamedFrom {
                print("Le nom « \(renamedFrom) » était déjà pris : vérifiez que ce contenu n'existe pas déjà.")
            }
            print("""
                Ensuite :
                  1. ouvrez le fichier et remplacez chaque « \(Scaffold.placeholder) » ;
                  2. regardez le résultat avec castor serve (les brouillons y sont affichés) ;
                  3. quand le texte est prêt, supprimez la ligne « draft: true » et lancez castor check.
                """)
        } catch {
            Terminal.standardError("erreur : \(error)")
            throw ExitCode.failure
        }
    }
}

struct NewFiche: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fiche", abstract: "Crée une fiche : castor new fiche <type> \"Titre\".")

    @Argument(help: ArgumentHelp("Type de fiche (une clé de fiche_types dans site.yml, par exemple boite-a-outils).", valueName: "type"))
    var type: String

    @Argument(help: ArgumentHelp("Titre de la fiche, entre guillemets.", valueName: "titre"))
    var title: String

    @Option(name: .long, help: ArgumentHelp("Région (une clé de regions dans site.yml).", valueName: "région"))
    var region: String?

    @OptionGroup var options: NewOptions

    func run() throws {
        try options.create(.fiche(type: type), title: title, region: region)
    }
}

struct NewEvent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evenement", abstract: "Crée un événement : castor new evenement \"Titre\" --date 2027-05-12.")

    @Argument(help: ArgumentHelp("Titre de l'événement, entre guillemets.", valueName: "titre"))
    var title: String

    @Option(name: .long, help: ArgumentHelp("Début : AAAA-MM-JJ, ou AAAA-MM-JJTHH:MM (heure de Paris).", valueName: "DATE"))
    var date: String

    @Option(name: .long, help: ArgumentHelp("Région (une clé de regions dans site.yml).", valueName: "région"))
    var region: String?

    @OptionGroup var options: NewOptions

    func run() throws {
        try options.create(.event(start: date), title: title, region: region)
    }
}

struct NewAd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annonce", abstract: "Crée une petite annonce : castor new annonce \"Titre\" --categorie terrain.")

    @Argument(help: ArgumentHelp("Titre de l'annonce, entre guillemets.", valueName: "titre"))
    var title: String

    @Option(name: .long, help: ArgumentHelp("Catégorie (une clé de ad_categories dans site.yml).", valueName: "catégorie"))
    var categorie: String

    @Option(name: .long, help: ArgumentHelp("Région (une clé de regions dans site.yml).", valueName: "région"))
    var region: String?

    @Option(name: .long, help: ArgumentHelp("Contact public : e-mail, téléphone ou adresse web.", valueName: "contact"))
    var contact: String?

    @OptionGroup var options: NewOptions

    func run() throws {
        try options.create(.ad(category: categorie), title: title, region: region, contact: contact)
    }
}
