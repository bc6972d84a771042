import ArgumentParser
import CastorKit

@main
struct Castor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "castor",
        abstract: "Construit le site du centre de ressources de l'habitat participatif.",
        subcommands: [BuildCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self)
}
