import ArgumentParser
import CastorKit
import Foundation

@main
struct Castor: AsyncParsableCommand {
    /// Printed by `castor --version`.
    static let version = "0.11.0"

    static let configuration = CommandConfiguration(
        commandName: "castor",
        abstract: "Construit le site du centre de ressources de l'habitat participatif.",
        discussion: "Sans commande, castor construit le site (castor build).",
        version: version,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, DecapCommand.self],
        defaultSubcommand: BuildCommand.self)

    /// Parses and runs the command like swift-argument-parser does, but says everything in
    /// French: its own messages (unknown option, missing argument…) and its help pages.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] || arguments == ["-V"] {
            print(version)
            return
        }
        if let unknown = FrenchCLI.unknownCommand(arguments, known: configuration.subcommands.map { $0._commandName }) {
            Terminal.standardError(unknown)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            try await run(parseAsRoot(arguments))
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success {
                if !text.isEmpty { print(FrenchCLI.help(text)) }
            } else if !text.isEmpty {
                Terminal.standardError(FrenchCLI.error(text, message: message(for: error)))
            }
            Foundation.exit(code.rawValue)
        }
    }

    static func run(_ parsed: any ParsableCommand) async throws {
        if var command = parsed as? any AsyncParsableCommand {
            try await command.run()
        } else {
            var command = parsed
            try command.run()
        }
    }
}
