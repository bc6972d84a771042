import ArgumentParser
import CastorKit

@main
struct Castor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "castor",
        abstract: "Construit le site du centre de ressources de l'habitat participatif.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, DecapCommand.self],
        defaultSubcommand: BuildCommand.self)
}
