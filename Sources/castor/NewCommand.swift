import ArgumentParser
import CastorKit
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Crée un contenu d'une collection de content/collections.yml, au bon endroit, prêt à compléter.",
        discussion: """
            Exemples :
              castor new <collection> <sous-dossier> "Titre"   (collection rangée en sous-dossiers, « groups »)
              castor new evenement "Atelier Métaplan à Tours" --date 2027-05-12
              castor new annonce "Terrain à Rennes" --categorie terrain
              castor new <collection> "Titre"   (toute collection de content/collections.yml)
            Le nom du fichier vient du titre (minuscules, sans accents) ; un fichier existant n'est \
            jamais remplacé. Le nouveau fichier est un brouillon (draft: true).
            """,
        subcommands: [NewItem.self],
        defaultSubcommand: NewItem.self)
}

/// Options of every `castor new` command.
struct NewOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Dossier du contenu (Markdown, site.yml et collections.yml).", valueName: "dossier"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("Nom du fichier sans .md (par défaut, fait à partir du titre).", valueName: "nom"))
    var nom: String?

    @Option(name: .long, help: ArgumentHelp("Date du jour AAAA-MM-JJ (dates de mise à jour et de publication).", valueName: "AAAA-MM-JJ"))
    var now: LocalDate?

    var today: LocalDate { ContentOptions.today(now) }

    /// site.yml and collections.yml, or every problem printed.
    func setup() throws -> (SiteConfig, [CollectionSchema]) {
        guard FileIO.isDirectory(content) else {
            Terminal.standardError("erreur : dossier de contenu introuvable : « \(content) »\n  conseil : lancez castor depuis le dossier du dépôt, ou indiquez --content CHEMIN")
            throw ExitCode.failure
        }
        let setup = SiteSetup.load(contentRoot: content)
        guard let config = setup.config, let collections = setup.collections else {
            Terminal.printDiagnostics(DiagnosticList(setup.diagnostics.filter { $0.severity == .error }))
            throw ExitCode.failure
        }
        return (config, collections)
    }

    /// Reads the declarations, prepares and writes the file, and says what to do next.
    /// `collection` is a collection's id, folder or singular (`evenement` for « Événement »);
    /// `loaded` is what `setup()` returned, when the caller has already read it.
    func create(
        _ name: String, group: String? = nil, title: String, region: String?, contact: String? = nil, date: String? = nil,
        category: String? = nil, loaded: (SiteConfig, [CollectionSchema])? = nil
    ) throws {
        let (config, collections) = try loaded ?? setup()
        guard let collection = CollectionDeclarations.find(name, in: collections) else {
            Terminal.standardError(
                "erreur : « \(name) » n'est pas une collection de \(content)/collections.yml\n  conseil : collections : "
                    + collections.map { "\($0.id) (ou \(Slug.make($0.singular)))" }.joined(separator: ", "))
            throw ExitCode.validationFailure
        }
        let loader = ContentLoader(contentRoot: content, collections: collections)
        let request = Scaffold.Request(
            collection: collection, group: group, title: title, slug: nom, region: region, contact: contact, date: date,
            category: category, today: today)
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

/// `castor new <collection> [<type>] "Titre"`: any collection of collections.yml.
struct NewItem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contenu",
        abstract: "Crée un contenu de n'importe quelle collection : castor new <collection> \"Titre\".")

    @Argument(help: ArgumentHelp("Collection : son identifiant dans collections.yml, ou son nom au singulier.", valueName: "collection"))
    var collection: String

    @Argument(help: ArgumentHelp("Le sous-dossier (pour une collection rangée par sous-dossiers, « groups »), puis le titre entre guillemets.", valueName: "titre"))
    var words: [String] = []

    @Option(name: .long, help: ArgumentHelp("Date ou date et heure, pour une collection qui en demande une (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM).", valueName: "DATE"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("Valeur du champ obligatoire pris dans une liste de site.yml (la catégorie d'une annonce).", valueName: "catégorie"))
    var categorie: String?

    @Option(name: .long, help: ArgumentHelp("Région (une clé de regions dans site.yml).", valueName: "région"))
    var region: String?

    @Option(name: .long, help: ArgumentHelp("Contact public : e-mail, téléphone ou adresse web.", valueName: "contact"))
    var contact: String?

    @OptionGroup var options: NewOptions

    func run() throws {
        let loaded = try options.setup()
        let collections = loaded.1
        var group: String?
        var rest = words
        if let schema = CollectionDeclarations.find(collection, in: collections), case .grouped(let vocabulary) = schema.layout {
            guard rest.count > 1 else {
                // The sub-folder comes first: a single word is the sub-folder without the title.
                let example = loaded.0.vocabulary(vocabulary).keys.first ?? vocabulary
                Terminal.standardError(
                    "erreur : argument manquant : <titre>\n  conseil : castor new \(collection) <\(vocabulary)> \"Titre\", par exemple : castor new \(collection) \(example) \"Mon titre\"")
                throw ExitCode.validationFailure
            }
            group = rest.removeFirst()
        }
        guard rest.count == 1, let title = rest.first else {
            Terminal.standardError(
                rest.isEmpty
                    ? "erreur : argument manquant : <titre>\n  conseil : castor new \(collection) \"Titre\""
                    : "erreur : \(rest.count - 1) arguments en trop : \(rest.dropFirst().joined(separator: ", ")) (pensez aux guillemets autour d'un titre de plusieurs mots)")
            throw ExitCode.validationFailure
        }
        try options.create(
            collection, group: group, title: title, region: region, contact: contact, date: date, category: categorie, loaded: loaded)
    }
}
